//! Errors a user caused, with the hint that helps them fix it; all exit 2.

use std::fmt;

#[derive(Debug)]
pub struct UserError {
    pub message: String,
    pub hint: Option<String>,
}

impl UserError {
    pub fn new(message: impl Into<String>) -> Self {
        UserError {
            message: message.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", crate::sanitize::escape(&self.message))?;
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {}", crate::sanitize::escape(h))?;
        }
        Ok(())
    }
}

impl std::error::Error for UserError {}

/// An unknown id, with the nearest known ones.
pub fn unknown<'a>(
    what: &str,
    id: &str,
    known: impl IntoIterator<Item = &'a str> + Clone,
) -> UserError {
    let shown = crate::suggest::clip(id);
    UserError::new(format!("unknown {what} `{shown}`")).hint(crate::suggest::hint(id, known))
}
