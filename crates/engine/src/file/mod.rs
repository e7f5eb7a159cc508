//! The `.jvdeal` file: its JSON Schema and reading it with every problem reported at once.

mod read;
mod schema;
mod structure;
pub(crate) mod suggest;

#[cfg(test)]
mod tests;

pub use read::read_deal;
pub use schema::{deal_schema, file_schema};
