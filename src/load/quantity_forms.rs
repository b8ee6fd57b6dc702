//! The quantity forms a figure or a breakdown part may give (`exact`,
//! `at_least`, …), borrowed together so one check reads both kinds of table.

use toml::Spanned as S;

use super::file_model::{BreakdownFile, FigureFile, Number, ReadingFile};

/// The quantity forms a figure or a breakdown part may give, by reference.
pub(super) struct Forms<'t> {
    pub exact: Option<&'t S<Number>>,
    pub at_least: Option<&'t S<Number>>,
    pub at_most: Option<&'t S<Number>>,
    pub more_than: Option<&'t S<Number>>,
    pub less_than: Option<&'t S<Number>>,
    pub nearly: Option<&'t S<Number>>,
    pub about: Option<&'t S<Number>>,
    pub range: Option<&'t S<Vec<S<Number>>>>,
    pub about_range: Option<&'t S<Vec<S<Number>>>>,
    pub vague: Option<&'t S<String>>,
}

macro_rules! forms {
    ($t:ty) => {
        impl $t {
            pub(super) fn forms(&self) -> Forms<'_> {
                Forms {
                    exact: self.exact.as_ref(),
                    at_least: self.at_least.as_ref(),
                    at_most: self.at_most.as_ref(),
                    more_than: self.more_than.as_ref(),
                    less_than: self.less_than.as_ref(),
                    nearly: self.nearly.as_ref(),
                    about: self.about.as_ref(),
                    range: self.range.as_ref(),
                    about_range: self.about_range.as_ref(),
                    vague: self.vague.as_ref(),
                }
            }
        }
    };
}
forms!(FigureFile);
forms!(BreakdownFile);
forms!(ReadingFile);
