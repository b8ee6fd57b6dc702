//! Hostile shapes at two sizes: `cargo bench --bench hostile`.
//!
//! Each shape a hostile-input review found slow or memory-hungry is generated
//! (under target/hostile-bench/) at a size n and at 2n, and the command it
//! hurt is timed on both. The table prints wall time and peak memory at each
//! size and their ratios: near 2 is linear growth, near 4 quadratic.
//! `-- WORD` runs only the shapes whose name contains WORD.
//! `-- --write DIR WORD N` writes one shape at size N (to profile it).
//! `-- --seeds DIR` writes the small size of every shape into DIR instead, as
//! fuzzing seeds (`fuzz/seeds.sh`).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "../tests/common/shapes.rs"]
mod shapes;
use shapes::{Files, SHAPES};

fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("own path");
    exe.ancestors()
        .nth(3)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("target"))
}

fn write_files(dir: &Path, files: &Files) {
    let _ = std::fs::remove_dir_all(dir);
    for (rel, text) in files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("writable");
        std::fs::write(path, text).expect("writable");
    }
}

/// Runs a command to completion; wall time and the child's peak RSS in KiB.
fn measure(program: &Path, dir: &Path, args: &[&str]) -> (Duration, u64) {
    let start = Instant::now();
    let child = Command::new(program)
        .arg("--data")
        .arg(dir)
        .args(args)
        .env("CLAIMS_NO_CACHE", "1")
        .env_remove("CLAIMS_DATA")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawns");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for this one child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    assert_eq!(r, pid, "wait4");
    // Exit 2 is expected for the shapes that are errors; a signal is not.
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) <= 2,
        "{args:?} failed: {status}"
    );
    std::mem::forget(child);
    (wall, usage.ru_maxrss as u64)
}

/// The best of three runs: the least disturbed by the machine's other work.
fn best(program: &Path, dir: &Path, args: &[&str]) -> (Duration, u64) {
    (0..3)
        .map(|_| measure(program, dir, args))
        .min()
        .expect("three runs")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--seeds") {
        let out = PathBuf::from(args.get(at + 1).expect("--seeds DIR"));
        std::fs::create_dir_all(&out).expect("writable");
        for (i, s) in SHAPES.iter().enumerate() {
            // One file per shape, small: a seed the fuzzer can grow.
            let files = (s.make)(40);
            let text: String = files
                .iter()
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join("\n");
            std::fs::write(out.join(format!("hostile-{i:02}.toml")), text).expect("writable");
        }
        return;
    }
    if let Some(at) = args.iter().position(|a| a == "--write") {
        // `--write DIR WORD N`: one shape at size N, to profile it.
        let (dir, word, n) = (&args[at + 1], &args[at + 2], &args[at + 3]);
        let shape = SHAPES
            .iter()
            .find(|s| s.name.contains(word.as_str()))
            .expect("a shape");
        write_files(Path::new(dir), &(shape.make)(n.parse().expect("a size")));
        return;
    }
    let claims = PathBuf::from(env!("CARGO_BIN_EXE_claims"));
    let root = target_dir().join("hostile-bench");
    println!(
        "| shape | n | wall at n | wall at 2n | time ratio | RSS at n | RSS at 2n | RSS ratio |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    // `-- WORD` runs only the shapes whose name contains it.
    let only = args.iter().skip(1).find(|a| !a.starts_with('-')).cloned();
    for (i, s) in SHAPES.iter().enumerate() {
        if only.as_ref().is_some_and(|w| !s.name.contains(w.as_str())) {
            continue;
        }
        let mut results = Vec::new();
        for n in [s.n, 2 * s.n] {
            let dir = root.join(format!("{i:02}-{n}"));
            write_files(&dir, &(s.make)(n));
            // The child is forked from this process: give the generated text
            // back to the system first, or the child's peak memory would
            // count this process's.
            // SAFETY: malloc_trim only releases free heap memory.
            unsafe { libc::malloc_trim(0) };
            results.push(best(&claims, &dir, s.args));
            let _ = std::fs::remove_dir_all(&dir);
        }
        let (t1, m1) = results[0];
        let (t2, m2) = results[1];
        println!(
            "| {} (`{}`) | {} | {:.0} ms | {:.0} ms | {:.2} | {:.1} MB | {:.1} MB | {:.2} |",
            s.name,
            s.args.join(" "),
            s.n,
            t1.as_secs_f64() * 1e3,
            t2.as_secs_f64() * 1e3,
            t2.as_secs_f64() / t1.as_secs_f64(),
            m1 as f64 / 1024.0,
            m2 as f64 / 1024.0,
            m2 as f64 / m1 as f64
        );
    }
}
