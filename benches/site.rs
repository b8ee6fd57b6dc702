//! `claims site` at scale: `cargo bench --bench site`. Writes the site of a
//! 50 × 1,000 and a 100 × 1,000 claim corpus (generated once under
//! target/bench-corpus/ by `examples/gen_corpus.rs`) and prints, for each,
//! the wall and CPU time, the peak memory, the files and bytes written and
//! the largest page, then the ratio of CPU times: linear in the data is 2.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("own path");
    exe.ancestors()
        .nth(3)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("target"))
}

fn corpus(events: usize) -> PathBuf {
    let dir = target_dir()
        .join("bench-corpus")
        .join(format!("site-{events}"));
    if !dir.join(format!("ev-{events:06}.toml")).exists() {
        let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args([
                "run",
                "--release",
                "--quiet",
                "--example",
                "gen_corpus",
                "--",
            ])
            .arg(&dir)
            .arg(events.to_string())
            .arg("1000")
            .status()
            .expect("cargo runs");
        assert!(status.success());
    }
    dir
}

/// Builds the site of `data`; gives (wall s, (user s, system s), peak KiB, what it said).
fn build(data: &Path, out: &Path) -> (f64, (f64, f64), u64, String) {
    let _ = std::fs::remove_dir_all(out);
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_claims"))
        .arg("--data")
        .arg(data)
        .arg("site")
        .arg(out)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawns");
    // Its one line, read to the end (when it exits), then its usage.
    let mut said = String::new();
    if let Some(mut o) = child.stdout.take() {
        use std::io::Read;
        let _ = o.read_to_string(&mut said);
    }
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for this one child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed().as_secs_f64();
    assert_eq!(r, pid);
    // Reaped by wait4 above.
    std::mem::forget(child);
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let cpu = (secs(usage.ru_utime), secs(usage.ru_stime));
    let _ = std::fs::remove_dir_all(out);
    (wall, cpu, usage.ru_maxrss as u64, said.trim().to_string())
}

fn main() {
    let mut cpus = Vec::new();
    for events in [50, 100] {
        let data = corpus(events);
        let out = target_dir().join(format!("bench-site-{events}"));
        let (wall, cpu, rss, said) = build(&data, &out);
        println!(
            "{events} events × 1,000 claims: {wall:.1} s wall, {:.1} s user (the tool's work), {:.1} s system (the file system's), {:.0} MB peak; {said}",
            cpu.0,
            cpu.1,
            rss as f64 / 1024.0
        );
        cpus.push(cpu);
    }
    println!(
        "for twice the data: user time {:.2}×, system time {:.2}× (linear is 2.00×)",
        cpus[1].0 / cpus[0].0,
        cpus[1].1 / cpus[0].1
    );
}
