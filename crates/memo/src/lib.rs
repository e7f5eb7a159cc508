//! The deal memo and the exports advisors need (issue 6).
//!
//! The memo is built once, from the engine's [`jv_engine::evaluation::Evaluation`], as a
//! [`document::Memo`]: sections of headings, paragraphs, tables and charts holding text that
//! is already formatted and translated. Each output format renders that one document, so no
//! renderer computes or formats a figure of its own:
//!
//! - [`content`] builds the memo from a deal and its evaluation;
//! - `markdown`, `pdf` (typst) and `docx` render it;
//! - `xlsx` writes the model itself as a workbook with live formulas.

pub mod chart;
pub mod content;
pub mod document;
pub mod docx;
pub mod export;
pub mod markdown;
pub mod pdf;
pub mod xlsx;
