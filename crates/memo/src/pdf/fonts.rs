//! The fonts a memo is set in: Typst's bundled Latin faces plus whatever the system has,
//! scanned once and shared, so each render only pays for the glyphs it uses.

use std::path::PathBuf;
use std::sync::Arc;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;

/// The Latin face of every memo; bundled with the app, so an English memo renders on any
/// machine.
pub const LATIN_FAMILY: &str = "Libertinus Serif";

/// CJK families in order of preference: a serif (Song) face for running text reads best,
/// a sans (Hei) face will do.
const CJK_PREFERRED: [&str; 4] = [
    "Noto Serif CJK SC",
    "Noto Sans CJK SC",
    "Source Han Serif SC",
    "Source Han Sans SC",
];

/// Characters a face must cover to set a Chinese memo ("交易备忘录").
const CJK_PROBE: [char; 5] = ['交', '易', '备', '忘', '录'];

/// A set of fonts, cheap to clone and meant to be built once (by the app, the CLI) and
/// reused for every memo: the scan and the loaded faces are shared.
#[derive(Clone)]
pub struct Fonts {
    inner: Arc<Inner>,
}

struct Inner {
    store: FontStore,
    cjk_family: Option<String>,
}

impl Fonts {
    /// The bundled Latin faces and every font installed on the system.
    pub fn system() -> Self {
        let mut store = FontStore::new();
        store.extend(typst_kit::fonts::embedded());
        store.extend(typst_kit::fonts::system());
        Self::from_store(store)
    }

    /// The bundled Latin faces only (no CJK face, whatever the system has).
    pub fn embedded() -> Self {
        let mut store = FontStore::new();
        store.extend(typst_kit::fonts::embedded());
        Self::from_store(store)
    }

    /// The bundled Latin faces plus the font files listed (each may be a collection); a
    /// file that cannot be read adds nothing.
    pub fn with_files(files: &[PathBuf]) -> Self {
        let mut store = FontStore::new();
        store.extend(typst_kit::fonts::embedded());
        for path in files {
            let Ok(data) = std::fs::read(path) else {
                continue;
            };
            store.extend(Font::iter(Bytes::new(data)).map(|font| {
                let info = font.info().clone();
                (font, info)
            }));
        }
        Self::from_store(store)
    }

    fn from_store(store: FontStore) -> Self {
        let cjk_family = find_cjk_family(store.book());
        Self {
            inner: Arc::new(Inner { store, cjk_family }),
        }
    }

    /// The family used for Chinese text, if any font covers it.
    pub fn cjk_family(&self) -> Option<&str> {
        self.inner.cjk_family.as_deref()
    }

    /// Metadata on every face, for Typst.
    pub(crate) fn book(&self) -> &LazyHash<FontBook> {
        self.inner.store.book()
    }

    /// The face at `index` in [`Fonts::book`], loaded on first use.
    pub(crate) fn font(&self, index: usize) -> Option<Font> {
        self.inner.store.font(index)
    }
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fonts")
            .field("faces", &self.inner.store.book().families().count())
            .field("cjk_family", &self.inner.cjk_family)
            .finish()
    }
}

/// A preferred CJK family when installed, else the first family whose faces cover the
/// probe characters.
fn find_cjk_family(book: &FontBook) -> Option<String> {
    let covers = |index: usize| {
        book.info(index).is_some_and(|info: &FontInfo| {
            CJK_PROBE.iter().all(|c| info.coverage.contains(*c as u32))
        })
    };
    let installed: Vec<(String, bool)> = book
        .families()
        .map(|(name, mut indices)| (name.to_string(), indices.any(covers)))
        .collect();
    let lower = |s: &str| s.to_lowercase();
    CJK_PREFERRED
        .iter()
        .find_map(|want| {
            installed
                .iter()
                .find(|(name, ok)| *ok && lower(name) == lower(want))
                .map(|(name, _)| name.clone())
        })
        .or_else(|| {
            installed
                .iter()
                .find(|(_, ok)| *ok)
                .map(|(name, _)| name.clone())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shareable<T: Send + Sync + Clone>() {}

    #[test]
    fn fonts_can_be_held_by_the_app_and_shared_across_threads() {
        shareable::<Fonts>();
        let fonts = Fonts::embedded();
        assert!(fonts.book().contains_family("libertinus serif"));
        assert_eq!(fonts.cjk_family(), None);
    }
}
