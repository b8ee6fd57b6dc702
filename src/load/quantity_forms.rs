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
    /// A figure's increment ("15 more"); a part or a reading has none.
    pub more: Option<&'t S<Number>>,
}

macro_rules! forms {
    ($t:ty) => {
        impl $t {
            pub(super) fn forms(&self) -> Forms<'_> {
                forms!(@build self, None)
            }
        }
    };
    ($t:ty, more) => {
        impl $t {
            pub(super) fn forms(&self) -> Forms<'_> {
                forms!(@build self, self.more.as_ref())
            }
        }
    };
    (@build $s:ident, $more:expr) => {
        Forms {
            exact: $s.exact.as_ref(),
            at_least: $s.at_least.as_ref(),
            at_most: $s.at_most.as_ref(),
            more_than: $s.more_than.as_ref(),
            less_than: $s.less_than.as_ref(),
            nearly: $s.nearly.as_ref(),
            about: $s.about.as_ref(),
            range: $s.range.as_ref(),
            about_range: $s.about_range.as_ref(),
            vague: $s.vague.as_ref(),
            more: $more,
        }
    };
}
forms!(FigureFile, more);
forms!(BreakdownFile);
forms!(ReadingFile);
