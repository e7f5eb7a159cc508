//! The world a memo is compiled in: the template, the memo as JSON and its charts, all in
//! memory. Nothing else resolves: no file system, no packages, no network.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::PdfError;
use super::fonts::Fonts;

/// The template's path inside the world.
const MAIN: &str = "main.typ";

/// An in-memory Typst world holding one memo.
pub(crate) struct MemoWorld<'a> {
    library: LazyHash<Library>,
    fonts: &'a Fonts,
    main: Source,
    files: HashMap<FileId, Bytes>,
}

impl<'a> MemoWorld<'a> {
    /// A world whose main file is `template` and which serves `files` (name, bytes).
    pub(crate) fn new(
        template: &str,
        files: Vec<(String, Vec<u8>)>,
        fonts: &'a Fonts,
    ) -> Result<Self, PdfError> {
        let main = Source::new(file_id(MAIN)?, template.to_owned());
        let files = files
            .into_iter()
            .map(|(name, data)| Ok((file_id(&name)?, Bytes::new(data))))
            .collect::<Result<_, PdfError>>()?;
        Ok(Self {
            library: LazyHash::new(Library::default()),
            fonts,
            main,
            files,
        })
    }
}

fn file_id(name: &str) -> Result<FileId, PdfError> {
    let path = VirtualPath::new(name).map_err(|error| PdfError::Typst {
        message: format!("bad file name {name}: {error:?}"),
    })?;
    Ok(RootedPath::new(VirtualRoot::Project, path).intern())
}

impl World for MemoWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::Other(Some("not part of the memo".into())))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // The memo carries its own date; the template never asks for the clock.
        None
    }
}
