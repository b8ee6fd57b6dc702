//! Writes a dataset of the fuzzing generator into a folder, to look at it or
//! to run `claims --data DIR check` on it: `cargo run --example generate -- DIR [SEED]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: generate DIR [SEED]");
        std::process::exit(2);
    };
    let mut state: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1) | 1;
    let bytes: Vec<u8> = (0..600)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    let dir = std::path::Path::new(&dir);
    if dir.exists() {
        eprintln!("{} exists; give a new folder", dir.display());
        std::process::exit(2);
    }
    for (rel, contents) in claims::exercise::generate::dataset(&bytes) {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }
}
