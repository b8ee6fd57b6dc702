//! How far a fuzz corpus reaches: runs each input as its target does and
//! prints how many loaded cleanly and reached the comparison.
//! `cargo run --release --example fuzz_share -- load_compare_render fuzz/corpus/load_compare_render`

use claims::exercise::{self, Depth};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [target, dir] = &args[..] else {
        eprintln!("usage: fuzz_share TARGET CORPUS_DIR (targets: load_compare_render, structured_dataset, any_file)");
        std::process::exit(2);
    };
    let (mut total, mut reached, mut failed) = (0, 0, 0);
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("a corpus folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let data = std::fs::read(&path).expect("readable");
        let outcome = match target.as_str() {
            "load_compare_render" => match data.split_first() {
                Some((&which, bytes)) => exercise::shipped_with(which, bytes, Depth::One(0)),
                None => continue,
            },
            "structured_dataset" => exercise::generated(&data, Depth::One(0)),
            _ => exercise::all(&data, Depth::One(0)),
        };
        total += 1;
        match outcome {
            Ok(o) if o.compared > 0 => reached += 1,
            Ok(_) => {}
            Err(e) => {
                failed += 1;
                eprintln!("{}: {e}", path.display());
            }
        }
    }
    println!(
        "{target}: {reached} of {total} inputs reached the comparison ({:.0}%); {failed} failed",
        100.0 * reached as f64 / total.max(1) as f64
    );
}
