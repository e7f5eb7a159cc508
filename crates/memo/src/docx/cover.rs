//! The cover page, and the header and footer every later page carries.

use docx_rs::{
    AlignmentType, BreakType, Footer, Header, NumPages, PageNum, Paragraph, Run, Tab, TabValueType,
};

use super::blocks::Part;
use super::styles::{GREY, NAVY, TEXT_WIDTH, id};
use super::text::{label, paragraph, run};
use crate::document::{Cover, Lang, Status};

/// The status' colour: a draft must not pass for the agreed text.
fn status_color(status: Status) -> &'static str {
    match status {
        Status::Draft => "C0392B",
        Status::Final => "1E7B34",
    }
}

/// The cover page's paragraphs, ending with a page break.
pub fn cover(cover: &Cover, lang: Lang) -> Vec<Part> {
    let mut parts = vec![
        Part::Paragraph(Box::new(
            Paragraph::new()
                .style(id::SUBTITLE)
                .line_spacing(docx_rs::LineSpacing::new().before(2_400).after(120))
                .add_run(
                    run(&label(&cover.kind, lang).to_uppercase())
                        .bold()
                        .color(GREY),
                ),
        )),
        Part::Paragraph(Box::new(paragraph(id::TITLE, &cover.deal_name))),
        Part::Paragraph(Box::new(
            Paragraph::new()
                .style(id::SUBTITLE)
                .add_run(
                    run(&label(&cover.status_label, lang).to_uppercase())
                        .bold()
                        .color(status_color(cover.status)),
                )
                .add_run(run(&format!("   ·   {}", cover.date))),
        )),
        Part::Paragraph(Box::new(paragraph(
            id::SUBTITLE,
            &label(&cover.market, lang),
        ))),
        Part::Paragraph(Box::new(
            Paragraph::new()
                .style(id::HEADER)
                .line_spacing(docx_rs::LineSpacing::new().before(600).after(120)),
        )),
    ];
    for (name, role) in &cover.parties {
        parts.push(Part::Paragraph(Box::new(
            Paragraph::new()
                .line_spacing(docx_rs::LineSpacing::new().before(0).after(40))
                .add_run(run(name).bold().size(26).color(NAVY)),
        )));
        parts.push(Part::Paragraph(Box::new(
            Paragraph::new()
                .style(id::SUBTITLE)
                .line_spacing(docx_rs::LineSpacing::new().before(0).after(200))
                .add_run(run(&label(role, lang)).size(20)),
        )));
    }
    parts.push(Part::Paragraph(Box::new(
        Paragraph::new()
            .style(id::NOTE)
            .line_spacing(docx_rs::LineSpacing::new().before(1_200).after(0))
            .add_run(run(&label(&cover.footer, lang)))
            .add_run(Run::new().add_break(BreakType::Page)),
    )));
    parts
}

/// The running header: the deal's name, and the status on the right.
pub fn header(cover: &Cover, lang: Lang) -> Header {
    Header::new().add_paragraph(
        Paragraph::new()
            .style(id::HEADER)
            .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH))
            .add_run(run(&cover.deal_name))
            .add_run(run(&format!(" · {}", label(&cover.kind, lang))))
            .add_run(Run::new().add_tab())
            .add_run(
                run(&label(&cover.status_label, lang).to_uppercase())
                    .bold()
                    .color(status_color(cover.status)),
            ),
    )
}

/// The running footer: the confidentiality line, and "Page n of m" on the right.
pub fn footer(cover: &Cover, lang: Lang) -> Footer {
    let (before, between, after) = match lang {
        Lang::En => ("Page ", " of ", ""),
        Lang::Zh => ("第 ", " 页，共 ", " 页"),
        Lang::EnZh => ("", " / ", ""),
    };
    Footer::new().add_paragraph(
        Paragraph::new()
            .style(id::HEADER)
            .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH))
            .add_run(run(&label(&cover.footer, lang)))
            .add_run(Run::new().add_tab())
            .add_run(run(before))
            .add_page_num(PageNum::new())
            .add_run(run(between))
            .add_num_pages(NumPages::new())
            .add_run(run(after))
            .align(AlignmentType::Left),
    )
}
