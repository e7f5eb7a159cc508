//! User and memo text as Word runs: always data, never markup.
//!
//! docx-rs escapes `<`, `>` and `&` in every run; what it cannot escape are the control
//! characters XML 1.0 forbids, which would make Word refuse the file, so those are dropped.
//! A line break a user typed becomes a real line break.

use docx_rs::{BreakType, Paragraph, Run};

use crate::document::{Lang, Text};

/// The versions of `text` a memo in `lang` shows, each with whether it is the Chinese one.
/// A bilingual memo shows English, then Chinese when it differs.
pub fn versions(text: &Text, lang: Lang) -> Vec<(&str, bool)> {
    match lang {
        Lang::En => vec![(text.en.as_str(), false)],
        Lang::Zh => vec![(text.zh.as_str(), true)],
        Lang::EnZh if text.en == text.zh => vec![(text.en.as_str(), false)],
        Lang::EnZh => vec![(text.en.as_str(), false), (text.zh.as_str(), true)],
    }
}

/// A label in `lang` on one line (bilingual: "English / 中文").
pub fn label(text: &Text, lang: Lang) -> String {
    text.get(lang)
}

/// A run holding `text` literally, with its line breaks kept.
pub fn run(text: &str) -> Run {
    let clean = clean(text);
    let mut run = Run::new();
    for (i, line) in clean.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}

/// A paragraph in `style` holding `text` literally.
pub fn paragraph(style: &str, text: &str) -> Paragraph {
    Paragraph::new().style(style).add_run(run(text))
}

/// `text` without the characters XML 1.0 cannot carry; `\r\n` and `\r` become `\n`.
pub fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
        .filter(|c| !matches!(*c, '\u{FFFE}' | '\u{FFFF}'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_characters_xml_cannot_hold() {
        assert_eq!(clean("a\u{0}b\u{1b}c\r\nd"), "abc\nd");
    }

    #[test]
    fn bilingual_shows_both_only_when_they_differ() {
        let same = Text::same("Acme");
        assert_eq!(versions(&same, Lang::EnZh), vec![("Acme", false)]);
        let both = Text::new("Returns", "回报");
        assert_eq!(
            versions(&both, Lang::EnZh),
            vec![("Returns", false), ("回报", true)]
        );
        assert_eq!(versions(&both, Lang::Zh), vec![("回报", true)]);
    }
}
