//! A plain-text table: right-aligned figures, a header that may span several lines, and
//! wrapping of wide tables into blocks that repeat the row labels.

/// Gap between two columns.
const GAP: &str = "  ";

/// Where a column's text sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Labels and names.
    Left,
    /// Figures.
    Right,
}

#[derive(Debug, Clone)]
struct Column {
    header: Vec<String>,
    align: Align,
}

#[derive(Debug, Clone)]
enum Row {
    Cells(Vec<String>),
    /// A line of its own above a group of rows, e.g. a party's name.
    Heading(String),
    /// A rule above totals, under every column but the first.
    Rule,
}

/// A table built row by row and rendered once.
#[derive(Debug, Clone, Default)]
pub struct Table {
    columns: Vec<Column>,
    rows: Vec<Row>,
}

impl Table {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a column; `header` may hold several lines separated by `\n`.
    pub fn column(mut self, header: &str, align: Align) -> Self {
        let header = header.split('\n').map(str::to_owned).collect();
        self.columns.push(Column { header, align });
        self
    }

    /// Adds a row of cells, one per column (missing cells are blank); a cell may hold several
    /// lines separated by `\n`.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(Row::Cells(cells));
    }

    /// Adds a line of its own, e.g. a party's name above its rows.
    pub fn heading(&mut self, text: impl Into<String>) {
        self.rows.push(Row::Heading(text.into()));
    }

    /// Adds a rule above totals.
    pub fn rule(&mut self) {
        self.rows.push(Row::Rule);
    }

    /// The table on as many lines as it needs, however wide.
    pub fn render(&self) -> String {
        let all: Vec<usize> = (0..self.columns.len()).collect();
        self.render_columns(&all, &self.widths())
    }

    /// The table within `max_width` characters where it can be: the first `keep` columns
    /// (the row labels) start every block, and the other columns are shared out evenly
    /// among as few blocks as fit.
    pub fn render_within(&self, max_width: usize, keep: usize) -> String {
        let widths = self.widths();
        let keep = keep.min(widths.len());
        let fixed: usize = widths[..keep].iter().map(|w| w + GAP.len()).sum();
        let rest = &widths[keep..];
        let mut blocks = 1;
        let shared = loop {
            let shared = share(rest.len(), blocks);
            let fits = shared.iter().all(|range| {
                fixed
                    + rest[range.clone()]
                        .iter()
                        .map(|w| w + GAP.len())
                        .sum::<usize>()
                    <= max_width + GAP.len()
            });
            if fits || blocks >= rest.len().max(1) {
                break shared;
            }
            blocks += 1;
        };
        shared
            .into_iter()
            .map(|range| {
                let columns: Vec<usize> = (0..keep)
                    .chain(range.start + keep..range.end + keep)
                    .collect();
                self.render_columns(&columns, &widths)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self
            .columns
            .iter()
            .map(|c| {
                c.header
                    .iter()
                    .map(|h| h.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for row in &self.rows {
            if let Row::Cells(cells) = row {
                for (width, cell) in widths.iter_mut().zip(cells) {
                    let widest = cell
                        .split('\n')
                        .map(|l| l.chars().count())
                        .max()
                        .unwrap_or(0);
                    *width = (*width).max(widest);
                }
            }
        }
        widths
    }

    fn render_columns(&self, columns: &[usize], widths: &[usize]) -> String {
        let height = columns
            .iter()
            .map(|&c| self.columns[c].header.len())
            .max()
            .unwrap_or(0);
        let mut lines = Vec::new();
        for line in 0..height {
            let cells = columns.iter().map(|&c| {
                let header = &self.columns[c].header;
                // Headers sit on the bottom line, like a spreadsheet's wrapped header.
                let offset = height - header.len();
                let text = line.checked_sub(offset).and_then(|i| header.get(i));
                (text.map_or("", String::as_str), c)
            });
            lines.push(self.line(cells, widths));
        }
        let underline: Vec<String> = columns.iter().map(|&c| "─".repeat(widths[c])).collect();
        lines.push(underline.join(GAP));
        for row in &self.rows {
            match row {
                Row::Cells(cells) => {
                    let split: Vec<Vec<&str>> = columns
                        .iter()
                        .map(|&c| {
                            cells
                                .get(c)
                                .map_or(vec![""], |cell| cell.split('\n').collect())
                        })
                        .collect();
                    let height = split.iter().map(Vec::len).max().unwrap_or(1);
                    for line in 0..height {
                        let cells = columns
                            .iter()
                            .zip(&split)
                            .map(|(&c, cell)| (cell.get(line).copied().unwrap_or(""), c));
                        lines.push(self.line(cells, widths));
                    }
                }
                Row::Heading(text) => lines.push(text.clone()),
                Row::Rule => {
                    let rule: Vec<String> = columns
                        .iter()
                        .enumerate()
                        .map(|(i, &c)| (if i == 0 { " " } else { "─" }).repeat(widths[c]))
                        .collect();
                    lines.push(rule.join(GAP).trim_end().to_owned());
                }
            }
        }
        let mut out = lines.join("\n");
        out.push('\n');
        out
    }

    fn line<'a>(&self, cells: impl Iterator<Item = (&'a str, usize)>, widths: &[usize]) -> String {
        let parts: Vec<String> = cells
            .map(|(text, c)| {
                let pad = widths[c].saturating_sub(text.chars().count());
                match self.columns[c].align {
                    Align::Left => format!("{text}{}", " ".repeat(pad)),
                    Align::Right => format!("{}{text}", " ".repeat(pad)),
                }
            })
            .collect();
        parts.join(GAP).trim_end().to_owned()
    }
}

/// `count` items shared among `blocks` consecutive ranges, the first ones one longer.
fn share(count: usize, blocks: usize) -> Vec<std::ops::Range<usize>> {
    let blocks = blocks.clamp(1, count.max(1));
    let (size, extra) = (count / blocks, count % blocks);
    let mut start = 0;
    (0..blocks)
        .map(|b| {
            let end = start + size + usize::from(b < extra);
            let range = start..end;
            start = end;
            range
        })
        .collect()
}

/// `text` broken into lines of at most `width` characters at spaces (a longer word keeps
/// its own line).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let needed = current.chars().count() + 1 + word.chars().count();
        if !current.is_empty() && needed > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn sample(columns: usize) -> Table {
        let mut table = Table::new().column("Row", Align::Left);
        for c in 0..columns {
            table = table.column(&format!("{c}"), Align::Right);
        }
        table.row(
            std::iter::once("Revenue".to_owned())
                .chain((0..columns).map(|c| format!("{}", c * 1000)))
                .collect(),
        );
        table
    }

    #[test]
    fn figures_are_right_aligned_under_their_header() {
        let mut table = Table::new()
            .column("Party", Align::Left)
            .column("Shares\ncount", Align::Right);
        table.row(vec!["A".into(), "1,000".into()]);
        table.row(vec!["Bee".into(), "20".into()]);
        let text = table.render();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "       Shares");
        assert_eq!(lines[1], "Party   count");
        assert_eq!(lines[2], "─────  ──────");
        assert_eq!(lines[3], "A       1,000");
        assert_eq!(lines[4], "Bee        20");
    }

    #[test]
    fn cells_may_span_several_lines() {
        let mut table = Table::new()
            .column("Event", Align::Left)
            .column("Milestone", Align::Left);
        table.row(vec!["vested".into(), "homologation by the\nbureau".into()]);
        let text = table.render();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[2], "vested  homologation by the");
        assert_eq!(lines[3], "        bureau");
    }

    #[test]
    fn wide_tables_wrap_into_even_blocks_that_repeat_labels() {
        let table = sample(31);
        let text = table.render_within(60, 1);
        assert!(text.lines().all(|l| l.chars().count() <= 60), "{text}");
        let blocks = text.split("\n\n").count();
        assert!(blocks > 1);
        assert_eq!(text.matches("Revenue").count(), blocks);
        // One block when it fits.
        assert_eq!(sample(3).render_within(120, 1).split("\n\n").count(), 1);
    }

    #[test]
    fn shares_are_even() {
        assert_eq!(share(31, 4), vec![0..8, 8..16, 16..24, 24..31]);
        assert_eq!(share(0, 3), vec![0..0]);
    }

    #[test]
    fn wrap_breaks_at_spaces() {
        assert_eq!(
            wrap("Nairobi motorcycle and three-wheeler dealer", 22),
            vec!["Nairobi motorcycle and", "three-wheeler dealer"]
        );
        assert_eq!(wrap("", 10), vec![""]);
        assert_eq!(
            wrap("supercalifragilistic x", 5),
            vec!["supercalifragilistic", "x"]
        );
    }
}
