//! claims: line up what each party to a clash said, and flag where the accounts conflict.
//!
//! Data flows one way: files ([`load`]) → checked [`model::Dataset`] →
//! aligned comparison ([`compare`]) → renderers ([`render`]).

// Diagnostics travel in `Err` on the cold path of loading; boxing each
// would cost an allocation per problem for no gain.
#![allow(clippy::result_large_err)]

pub mod cli;
pub mod cmd;
pub mod compare;
pub mod diagnostic;
pub mod error;
pub mod exercise;
pub mod load;
pub mod model;
pub mod progress;
pub mod render;
pub mod report;
pub mod sanitize;
pub mod suggest;
pub mod view;
