//! Each party's key figures: computed by the engine when a version is saved, stored beside it
//! so lists and comparisons never re-run the model (and show what was on the table then).

use jv_engine::{Deal, Evaluation};
use sqlx::SqliteConnection;

use crate::StoreError;
use crate::decimal_text::DecimalText;
use crate::types::PartyFigures;

/// The figures of `deal`, or none when it does not evaluate (work in progress).
pub(crate) fn compute(deal: &Deal) -> Option<Vec<PartyFigures>> {
    jv_engine::evaluate(deal).ok().map(|e| of_evaluation(&e))
}

fn of_evaluation(evaluation: &Evaluation) -> Vec<PartyFigures> {
    evaluation
        .parties
        .iter()
        .map(|party| PartyFigures {
            party_id: party.id.clone(),
            name: party.name.clone(),
            // By id rather than position: the cap table's order is the engine's business.
            share_percent: evaluation
                .equity
                .parties
                .iter()
                .find(|row| row.id == party.id)
                .map(|row| row.percent),
            npv_cash: Some(party.views.cash.npv),
            irr_cash: party.views.cash.irr,
            npv_economic: Some(party.views.economic.npv),
            irr_economic: party.views.economic.irr,
        })
        .collect()
}

/// Writes the figures of one version, in party order.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    deal_id: &str,
    number: u32,
    figures: &[PartyFigures],
) -> Result<(), StoreError> {
    for (ordinal, f) in figures.iter().enumerate() {
        sqlx::query(
            "INSERT INTO version_figures (deal_id, number, ordinal, party_id, party_name, \
             share_percent, npv_cash, irr_cash, npv_economic, irr_economic) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(deal_id)
        .bind(number)
        .bind(ordinal as i64)
        .bind(&f.party_id)
        .bind(&f.name)
        .bind(f.share_percent.map(DecimalText))
        .bind(f.npv_cash.map(DecimalText))
        .bind(f.irr_cash.map(DecimalText))
        .bind(f.npv_economic.map(DecimalText))
        .bind(f.irr_economic.map(DecimalText))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// One stored row of figures.
#[derive(sqlx::FromRow)]
pub(crate) struct FigureRow {
    pub deal_id: String,
    party_id: String,
    party_name: String,
    share_percent: Option<DecimalText>,
    npv_cash: Option<DecimalText>,
    irr_cash: Option<DecimalText>,
    npv_economic: Option<DecimalText>,
    irr_economic: Option<DecimalText>,
}

impl From<FigureRow> for PartyFigures {
    fn from(row: FigureRow) -> Self {
        PartyFigures {
            party_id: row.party_id,
            name: row.party_name,
            share_percent: row.share_percent.map(|d| d.0),
            npv_cash: row.npv_cash.map(|d| d.0),
            irr_cash: row.irr_cash.map(|d| d.0),
            npv_economic: row.npv_economic.map(|d| d.0),
            irr_economic: row.irr_economic.map(|d| d.0),
        }
    }
}

/// The figures of one version, in party order; empty when it was not evaluated.
pub(crate) async fn of_version(
    conn: &mut SqliteConnection,
    deal_id: &str,
    number: u32,
) -> Result<Vec<PartyFigures>, StoreError> {
    let rows = sqlx::query_as::<_, FigureRow>(
        "SELECT f.deal_id, f.party_id, f.party_name, f.share_percent, f.npv_cash, f.irr_cash, \
         f.npv_economic, f.irr_economic FROM version_figures f \
         WHERE f.deal_id = ? AND f.number = ? ORDER BY f.ordinal",
    )
    .bind(deal_id)
    .bind(number)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(PartyFigures::from).collect())
}
