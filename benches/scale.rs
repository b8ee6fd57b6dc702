//! Speed at scale: `cargo bench --bench scale` (add `-- --small` to skip the 1M-claim corpus).
//!
//! Generates (once, under target/bench-corpus/) a 10 × 100 and a 1,000 × 1,000
//! claim corpus with `examples/gen_corpus.rs`, then prints for `check`,
//! `list --source X --format json`, `compare EVENT` and `stats`: the median wall time of
//! several runs, MB/s, claims/s and peak memory, next to the floor (the same files
//! parsed into `toml::Table` on one thread) and the ratio to it. Also the
//! start-up of `compare kilisali-2021` on the built-in data against a hello-world binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Corpus {
    name: &'static str,
    dir: PathBuf,
    events: usize,
    per_event: usize,
    bytes: u64,
    files: Vec<PathBuf>,
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

fn target_dir() -> PathBuf {
    // The bench binary lives in target/release/deps/.
    let exe = std::env::current_exe().expect("own path");
    exe.ancestors()
        .nth(3)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("target"))
}

fn build_examples() {
    let status = Command::new(cargo())
        .args([
            "build",
            "--release",
            "--quiet",
            "--example",
            "gen_corpus",
            "--example",
            "hello",
        ])
        .status()
        .expect("cargo runs");
    assert!(status.success(), "building the examples failed");
}

fn corpus(name: &'static str, events: usize, per_event: usize) -> Corpus {
    let dir = target_dir().join("bench-corpus").join(name);
    let marker = dir.join(format!("ev-{events:06}.toml"));
    if !marker.exists() {
        eprintln!("generating {name}: {events} events × {per_event} claims …");
        let _ = std::fs::remove_dir_all(&dir);
        let status = Command::new(target_dir().join("release/examples/gen_corpus"))
            .arg(&dir)
            .arg(events.to_string())
            .arg(per_event.to_string())
            .status()
            .expect("gen_corpus runs");
        assert!(status.success());
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let bytes = files
        .iter()
        .map(|f| f.metadata().map(|m| m.len()).unwrap_or(0))
        .sum();
    Corpus {
        name,
        dir,
        events,
        per_event,
        bytes,
        files,
    }
}

/// A copy of the corpus with one figure changed (in its middle event), for `diff`.
fn edited(c: &Corpus) -> PathBuf {
    let dir = c.dir.with_file_name(format!("{}-edited", c.name));
    let middle = format!("ev-{:06}.toml", c.events / 2);
    if !dir.join(&middle).exists() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("edited copy");
        for f in &c.files {
            let name = f.file_name().expect("a file name");
            std::fs::copy(f, dir.join(name)).expect("copied");
        }
        let path = dir.join(&middle);
        let text = std::fs::read_to_string(&path).expect("middle event");
        let at = text.find("exact = ").expect("a figure") + "exact = ".len();
        let end = at
            + text[at..]
                .find(|ch: char| !ch.is_ascii_digit())
                .unwrap_or(0);
        std::fs::write(&path, format!("{}999999{}", &text[..at], &text[end..])).expect("edited");
    }
    dir
}

/// Runs a command to completion; returns wall time and the child's peak RSS in KiB.
fn measure(program: &Path, args: &[&str], use_index: bool) -> (Duration, u64) {
    let start = Instant::now();
    let mut cmd = Command::new(program);
    // The folder index lives in the bench's own cache, never the user's.
    cmd.env("CLAIMS_CACHE_DIR", target_dir().join("bench-cache"));
    if !use_index {
        cmd.env("CLAIMS_NO_CACHE", "1");
    }
    let child = cmd
        .args(args)
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
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) <= 1,
        "{program:?} {args:?} failed: {status}"
    );
    std::mem::forget(child);
    (wall, usage.ru_maxrss as u64)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn floor(c: &Corpus, runs: usize) -> Duration {
    let times = (0..runs)
        .map(|_| {
            let start = Instant::now();
            for f in &c.files {
                let text = std::fs::read_to_string(f).expect("readable");
                let table: toml::Table = toml::from_str(&text).expect("valid TOML");
                std::hint::black_box(table);
            }
            start.elapsed()
        })
        .collect();
    median(times)
}

fn row(label: &str, c: &Corpus, wall: Duration, rss_kib: u64, floor: Option<Duration>) {
    let secs = wall.as_secs_f64();
    let mb = c.bytes as f64 / 1e6;
    let claims = (c.events * c.per_event) as f64;
    let ratio = floor.map_or("—".to_string(), |f| {
        format!("{:.2}×", secs / f.as_secs_f64())
    });
    println!(
        "| {label:<38} | {:<5} | {:>10.1} ms | {:>8.1} | {:>12.0} | {:>8.1} MB | {ratio:>8} |",
        c.name,
        secs * 1e3,
        mb / secs,
        claims / secs,
        rss_kib as f64 / 1024.0,
    );
}

fn main() {
    let small_only = std::env::args().any(|a| a == "--small");
    let claims = PathBuf::from(env!("CARGO_BIN_EXE_claims"));
    build_examples();
    let hello = target_dir().join("release/examples/hello");

    let mut corpora = vec![corpus("small", 10, 100)];
    if !small_only {
        corpora.push(corpus("large", 1000, 1000));
    }
    println!(
        "machine: {} cores; {}",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        cpu_model()
    );
    println!();
    println!("| command                                | corpus |  median wall |     MB/s |     claims/s |  peak RSS | vs floor |");
    println!("|---|---|---|---|---|---|---|");
    let mut diff_ratio = Vec::new();
    for c in &corpora {
        let runs = if c.name == "large" { 5 } else { 15 };
        let dir = c.dir.to_str().expect("utf-8 path");
        let fl = floor(c, runs);
        row("floor: toml::Table, one thread", c, fl, 0, Some(fl));
        let event = format!("ev-{:06}", c.events / 2);
        let list = vec![
            "--data",
            dir,
            "list",
            "--source",
            "armenia-mod",
            "--format",
            "json",
        ];
        let compare = vec!["--data", dir, "compare", &event];
        let copy = edited(c);
        let copy = copy.to_str().expect("utf-8 path");
        let mut check_median = Duration::ZERO;
        for (label, args, use_index) in [
            ("check", vec!["check", dir], false),
            ("list --source armenia-mod --format json", list, false),
            (
                "compare EVENT, no index (reads all)",
                compare.clone(),
                false,
            ),
            ("compare EVENT, index current", compare, true),
            (
                "stats (every event compared)",
                vec!["--data", dir, "stats"],
                false,
            ),
            (
                "diff against a copy, one figure changed",
                vec!["diff", dir, copy],
                false,
            ),
        ] {
            let mut walls = Vec::new();
            let mut peak = 0;
            if use_index {
                // The first indexed run stores the index (a full read); time the later ones.
                measure(&claims, &args, true);
            }
            for _ in 0..runs {
                let (w, rss) = measure(&claims, &args, use_index);
                walls.push(w);
                peak = peak.max(rss);
            }
            let m = median(walls);
            if label == "check" {
                check_median = m;
            } else if label.starts_with("diff") {
                diff_ratio.push((c.name, m, check_median));
            }
            row(label, c, m, peak, Some(fl));
        }
    }
    for (name, diff, check) in diff_ratio {
        println!(
            "diff on {name}: {:.2} s, {:.2}× two `check` runs ({:.2} s each)",
            diff.as_secs_f64(),
            diff.as_secs_f64() / (2.0 * check.as_secs_f64()),
            check.as_secs_f64()
        );
    }
    println!();
    let startup = |program: &Path, args: &[&str]| {
        median((0..51).map(|_| measure(program, args, true).0).collect())
    };
    let h = startup(&hello, &[]);
    let k = startup(&claims, &["compare", "kilisali-2021"]);
    println!("start-up: hello-world {:.2} ms, `claims compare kilisali-2021` {:.2} ms ({:.2}× hello-world)", h.as_secs_f64() * 1e3, k.as_secs_f64() * 1e3, k.as_secs_f64() / h.as_secs_f64());
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string())
}
