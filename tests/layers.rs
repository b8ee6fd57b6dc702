//! The layers look only down (README, "Architecture"): a module may use the
//! modules below it and never one above it, so there is no cycle either.

use std::collections::BTreeSet;
use std::path::Path;

/// Top-level modules from the top down; a module may import only those
/// after it. The support modules at the bottom serve every layer.
const LAYERS: &[&[&str]] = &[
    &["cli", "exercise"],
    &["cmd"],
    &["report"],
    &["render"],
    &["view"],
    &["compare"],
    &["load"],
    &["model"],
    &["diagnostic", "error", "progress"],
    &["suggest", "sanitize"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// Every `crate::name` a file uses outside its tests.
fn imports(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let mut found = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        // `crate::{a, b}` names several.
        if name.is_empty() && rest.starts_with('{') {
            let inner = &rest[1..rest.find('}').unwrap_or(rest.len())];
            for part in inner.split(',') {
                let n: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                found.insert(n);
            }
        } else {
            found.insert(name);
        }
    }
    found
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_imports_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    let mut wrong = Vec::new();
    let mut checked = 0;
    for file in files {
        let rel = file.strip_prefix(&src).expect("under src");
        let top = rel.components().next().expect("a component");
        let top = top.as_os_str().to_string_lossy();
        let module = top.trim_end_matches(".rs");
        if module == "lib" || module == "main" {
            continue;
        }
        let own = layer(module).unwrap_or_else(|| panic!("{module} has no layer in LAYERS"));
        let text = std::fs::read_to_string(&file).expect("readable");
        for used in imports(&text) {
            checked += 1;
            if used == module {
                continue;
            }
            let theirs = layer(&used).unwrap_or_else(|| panic!("{used} has no layer in LAYERS"));
            if theirs <= own {
                wrong.push(format!("{} uses crate::{used}", rel.display()));
            }
        }
    }
    assert!(checked > 50, "the scan found only {checked} imports");
    assert!(
        wrong.is_empty(),
        "imports up or across the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_scan_sees_grouped_imports() {
    let found = imports(
        "use crate::{view, model::Claim};\nuse crate::render::emit;\n#[cfg(test)]\nuse crate::cli;",
    );
    let want: BTreeSet<String> = ["view", "model", "render"].map(String::from).into();
    assert_eq!(found, want);
}
