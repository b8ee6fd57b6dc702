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

/// A file's module path from its place under `src`: `compare/figures.rs` is
/// `["compare", "figures"]`, `compare/mod.rs` is `["compare"]`.
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| {
            c.as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string()
        })
        .collect();
    if parts
        .last()
        .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
    {
        parts.pop();
    }
    parts
}

/// The file that holds a module path, if the path names one.
fn file_of(src: &Path, module: &[String]) -> Option<Vec<String>> {
    if module.is_empty() {
        return None;
    }
    let dir: std::path::PathBuf = module.iter().collect();
    let as_file = src.join(&dir).with_extension("rs");
    let as_dir = src.join(&dir).join("mod.rs");
    (as_file.is_file() || as_dir.is_file()).then(|| module.to_vec())
}

/// The files a file takes names from: each `super::…` and `crate::…` path
/// in its code (tests left out), resolved to the longest module path that
/// is a file; a name defined in a `mod.rs` leads to that `mod.rs`.
fn file_imports(src: &Path, own: &[String], text: &str) -> BTreeSet<Vec<String>> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    // A comment's link to another file is not an import.
    let code: String = code
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let code = code.as_str();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    // Each path as a list of segments; `{a, b::c}` gives one path each.
    let mut paths: Vec<Vec<String>> = Vec::new();
    for start in ["super::", "crate::"] {
        for (i, _) in code.match_indices(start) {
            if code[..i].ends_with("super::")
                || code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_')
            {
                continue;
            }
            let mut base: Vec<String> = if start == "crate::" {
                Vec::new()
            } else {
                // The module path of a mod.rs is its folder's already.
                let mut b = own.to_vec();
                b.pop();
                b
            };
            let mut rest = &code[i + start.len()..];
            while let Some(r) = rest.strip_prefix("super::") {
                base.pop();
                rest = r;
            }
            let mut segs = base.clone();
            loop {
                let name = ident(rest);
                if name.is_empty() {
                    break;
                }
                rest = &rest[name.len()..];
                segs.push(name);
                match rest.strip_prefix("::") {
                    Some(r) => rest = r,
                    None => break,
                }
            }
            if let Some(inner) = rest.strip_prefix('{') {
                let inner = &inner[..inner.find('}').unwrap_or(inner.len())];
                for part in inner.split(',') {
                    let mut p = segs.clone();
                    p.extend(part.trim().split("::").map(ident).filter(|s| !s.is_empty()));
                    paths.push(p);
                }
            } else {
                paths.push(segs);
            }
        }
    }
    let mut found = BTreeSet::new();
    for p in paths {
        let target = (1..=p.len()).rev().find_map(|n| file_of(src, &p[..n]));
        if let Some(t) = target {
            found.insert(t);
        }
    }
    found
}

/// Every cycle of imports between files, as the files in it. A `mod.rs`
/// declaring and re-exporting its own files is not an import of them.
fn file_cycles(src: &Path) -> Vec<Vec<String>> {
    let mut files = Vec::new();
    walk(src, &mut files);
    let mut graph: std::collections::BTreeMap<Vec<String>, BTreeSet<Vec<String>>> =
        Default::default();
    for file in &files {
        let rel = file.strip_prefix(src).expect("under src");
        let is_mod = rel.file_name().is_some_and(|n| n == "mod.rs");
        let own = module_of(rel);
        let text = std::fs::read_to_string(file).expect("readable");
        let mut edges = file_imports(src, &own, &text);
        edges.retain(|t| t != &own && !(is_mod && t.starts_with(&own)));
        graph.entry(own).or_default().extend(edges);
    }
    // Strongly connected components (Tarjan's algorithm, kept small).
    struct Walk<'g> {
        graph: &'g std::collections::BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: std::collections::BTreeMap<&'g Vec<String>, (usize, usize)>,
        stack: Vec<&'g Vec<String>>,
        on_stack: BTreeSet<&'g Vec<String>>,
        found: Vec<Vec<String>>,
    }
    impl<'g> Walk<'g> {
        fn visit(&mut self, v: &'g Vec<String>) {
            let n = self.index.len();
            self.index.insert(v, (n, n));
            self.stack.push(v);
            self.on_stack.insert(v);
            for w in self.graph.get(v).into_iter().flatten() {
                let Some((w, _)) = self.graph.get_key_value(w) else {
                    continue;
                };
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.index[w].1.min(self.index[v].1);
                    self.index.get_mut(v).expect("visited").1 = low;
                } else if self.on_stack.contains(w) {
                    let low = self.index[w].0.min(self.index[v].1);
                    self.index.get_mut(v).expect("visited").1 = low;
                }
            }
            if self.index[v].0 == self.index[v].1 {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    component.push(w.join("::"));
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut walk = Walk {
        graph: &graph,
        index: Default::default(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !walk.index.contains_key(v) {
            walk.visit(v);
        }
    }
    walk.found
}

#[test]
fn no_two_files_import_each_other_even_through_others() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let cycles = file_cycles(&src);
    let shown: Vec<String> = cycles.iter().map(|c| c.join(" ↔ ")).collect();
    assert!(cycles.is_empty(), "cycles of files:\n{}", shown.join("\n"));
}

#[test]
fn the_cycle_scan_finds_a_cycle_through_a_third_file() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let src = dir.path();
    std::fs::create_dir(src.join("compare")).expect("a folder");
    let write = |p: &str, t: &str| std::fs::write(src.join(p), t).expect("written");
    write("lib.rs", "mod compare;\n");
    write(
        "compare/mod.rs",
        "mod a; mod b; mod c; mod d;\npub use a::X;\npub struct Shared;\n",
    );
    write("compare/a.rs", "use super::b::thing;\npub struct X;\n");
    write("compare/b.rs", "pub fn thing() { super::c::other() }\n");
    write(
        "compare/c.rs",
        "use super::{a::X, Shared};\npub fn other() {}\n",
    );
    // d uses a name of its mod.rs, which re-exports a: no cycle through d.
    write("compare/d.rs", "use super::Shared;\n");
    let cycles = file_cycles(src);
    let want = vec!["compare::a", "compare::b", "compare::c"];
    assert_eq!(
        cycles,
        vec![want.into_iter().map(String::from).collect::<Vec<_>>()]
    );
}
