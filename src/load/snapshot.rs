//! A data folder's texts as they were at a git revision, held in memory:
//! what a document's `text` names is read from here, never from the disk.

use std::collections::HashMap;

/// The files of one revision that may be read as document texts, by path
/// relative to the data folder.
#[derive(Debug, Default)]
pub struct Tree {
    texts: HashMap<String, Vec<u8>>,
}

impl Tree {
    pub fn insert(&mut self, path: String, bytes: Vec<u8>) {
        self.texts.insert(path, bytes);
    }

    /// A text by its path in the folder, already normalised.
    pub fn text(&self, path: &str) -> Option<&[u8]> {
        self.texts.get(path).map(Vec::as_slice)
    }
}
