//! "Did you mean …?": the nearest known id to a mistyped one.

/// Ids longer than this are not compared letter by letter: no typo of a
/// real id is that long, and the comparison's cost grows with both lengths.
const MAX_COMPARED: usize = 64;

/// The known ids closest to `wanted`, best first; only those close enough to
/// be a plausible typo (or that differ only by case).
pub fn nearest<'a, I>(wanted: &str, known: I) -> Vec<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = wanted.to_lowercase();
    let mut scored: Vec<(usize, &str)> = known
        .into_iter()
        .filter_map(|k| {
            if k.to_lowercase() == lower {
                return Some((0, k));
            }
            if wanted.len() > MAX_COMPARED || k.len() > MAX_COMPARED {
                return None;
            }
            // Optimal string alignment: a swap of two letters (`mdo`) is one step.
            let d = strsim::osa_distance(&lower, &k.to_lowercase());
            let limit = (wanted.chars().count().max(k.chars().count()) / 3).max(2);
            // A prefix ("armenia" for "armenia-mod") is a likely intent too.
            let prefix = k.starts_with(wanted) || wanted.starts_with(k);
            (d <= limit || prefix).then_some((d, k))
        })
        .collect();
    scored.sort();
    scored.dedup_by_key(|(_, k)| *k);
    scored.into_iter().take(3).map(|(_, k)| k).collect()
}

/// An id as a message shows it: at most [`MAX_COMPARED`] characters, then
/// "…", as snippets are clipped; a 60,000-character id is no message.
pub fn clip(id: &str) -> std::borrow::Cow<'_, str> {
    match id.char_indices().nth(MAX_COMPARED) {
        Some((at, _)) => format!("{}…", &id[..at]).into(),
        None => id.into(),
    }
}

/// An id in the form ids take (lower-case words joined by `-`) made of
/// `text`, to suggest in its place; `None` when nothing of it would do.
pub fn kebab(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    (!out.is_empty())
        .then(|| clip(out).into_owned())
        .filter(|k| !k.contains('…'))
}

/// How many problems of one load get typo hints (each compares its id with
/// every known id); the rest get [`CaseHints`].
pub const DISTANCE_HINTS: usize = 100;

/// Hints for many unknown ids against one set of known ones, in constant
/// time each after one pass: a known id that differs only by case, else the
/// list of what exists. For the problems past [`DISTANCE_HINTS`].
pub struct CaseHints<'a> {
    lower: std::collections::HashMap<String, &'a str>,
    listed: String,
}

impl<'a> CaseHints<'a> {
    pub fn new(known: impl IntoIterator<Item = &'a str> + Clone) -> Self {
        CaseHints {
            lower: known
                .clone()
                .into_iter()
                .map(|k| (k.to_lowercase(), k))
                .collect(),
            listed: listed(known),
        }
    }

    pub fn hint(&self, wanted: &str) -> String {
        match self.lower.get(&wanted.to_lowercase()) {
            Some(k) => format!("did you mean `{k}`?"),
            None => self.listed.clone(),
        }
    }
}

/// "known: `a`, `b`, `c`": all of them when there are few; else the first
/// twelve in order and how many in all. Found in one pass.
fn listed<'a>(known: impl IntoIterator<Item = &'a str>) -> String {
    const SHOWN: usize = 12;
    let mut first: Vec<&str> = Vec::with_capacity(SHOWN + 1);
    let mut count = 0;
    for k in known {
        count += 1;
        let at = first.partition_point(|x| *x < k);
        if at < SHOWN {
            first.insert(at, k);
            first.truncate(SHOWN);
        }
    }
    if first.is_empty() {
        return "none is defined".to_string();
    }
    let shown: Vec<String> = first.iter().map(|k| format!("`{k}`")).collect();
    let more = if count > SHOWN {
        format!(", … ({count} in all)")
    } else {
        String::new()
    };
    format!("known: {}{more}", shown.join(", "))
}

/// "did you mean `a`?" / "did you mean `a` or `b`?", or a list of what exists.
/// The ids whose label holds every word of `wanted` ("fired first" or
/// `fired-first` → `started-fighting`, labelled "started the fighting
/// (fired first)"), as a hint; `None` when no label or more than three do.
pub fn by_label<'a>(
    wanted: &str,
    labels: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<String> {
    let words: Vec<String> = wanted
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return None;
    }
    let found: Vec<String> = labels
        .into_iter()
        .filter(|(_, label)| {
            let label = label.to_lowercase();
            let held: Vec<&str> = label.split(|c: char| !c.is_alphanumeric()).collect();
            words.iter().all(|w| held.contains(&w.as_str()))
        })
        .map(|(id, label)| format!("`{id}` (\"{}\")", clip(label)))
        .take(4)
        .collect();
    (!found.is_empty() && found.len() <= 3).then(|| format!("did you mean {}?", found.join(" or ")))
}

pub fn hint<'a, I>(wanted: &str, known: I) -> String
where
    I: IntoIterator<Item = &'a str> + Clone,
{
    let near = nearest(wanted, known.clone());
    if near.is_empty() {
        listed(known)
    } else {
        let names: Vec<String> = near.iter().map(|k| format!("`{k}`")).collect();
        format!("did you mean {}?", names.join(" or "))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_id_not_near_any_is_found_by_the_words_of_a_label() {
        let labels = [
            ("started-fighting", "started the fighting (fired first)"),
            ("shelling", "shelled settlements"),
            ("provocation", "staged a provocation"),
        ];
        let hint = super::by_label("fired-first", labels).unwrap_or_default();
        assert!(hint.contains("`started-fighting`"), "{hint}");
        assert!(hint.contains("fired first"), "{hint}");
        assert_eq!(super::by_label("Fired First", labels), Some(hint));
        // Words no label holds, or held by too many, suggest nothing.
        assert_eq!(super::by_label("crossed-border", labels), None);
        let many = [("a", "x y"), ("b", "x z"), ("c", "x w"), ("d", "x v")];
        assert_eq!(super::by_label("x", many), None);
    }

    use super::*;

    #[test]
    fn finds_the_typo() {
        let known = ["armenia-mod", "azerbaijan-mod", "kremlin"];
        assert_eq!(nearest("azerbaijan-mdo", known), vec!["azerbaijan-mod"]);
        assert_eq!(hint("Kremlin", known), "did you mean `kremlin`?");
        assert!(hint("zzz", known).starts_with("known:"));
    }

    #[test]
    fn a_suggested_id_is_itself_valid() {
        assert_eq!(kebab("Armenia MOD!").as_deref(), Some("armenia-mod"));
        assert_eq!(kebab("a__b--c").as_deref(), Some("a-b-c"));
        assert_eq!(kebab("Ղարաբաղ"), None);
        assert_eq!(kebab(&"x".repeat(100)), None);
        assert_eq!(clip(&"é".repeat(100)).chars().count(), MAX_COMPARED + 1);
        assert_eq!(clip("short"), "short");
    }

    #[test]
    fn a_very_long_id_is_not_compared() {
        let long = "a".repeat(60_000);
        assert!(nearest(&long, ["armenia-mod"]).is_empty());
    }
}
