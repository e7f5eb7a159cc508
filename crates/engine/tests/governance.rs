//! Governance terms: optional, kept through a save, and checked against the deal's parties.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jv_engine::model::{BoardSeats, Governance};
use jv_engine::{DealError, evaluate, read_deal};

fn kenya_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/kenya-e3w-ckd.jvdeal"
    ))
    .unwrap()
}

fn field_errors(error: DealError) -> Vec<(String, String)> {
    match error {
        DealError::Invalid(errors) => errors.into_iter().map(|e| (e.path, e.message)).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

#[test]
fn kenya_governance_is_read_and_written_back_unchanged() {
    let deal = read_deal(&kenya_text()).unwrap();
    let governance = &deal.governance;
    assert_eq!(
        governance.board_seats,
        vec![
            BoardSeats {
                party: "maker".into(),
                seats: 2
            },
            BoardSeats {
                party: "dealer".into(),
                seats: 3
            }
        ]
    );
    assert_eq!(governance.reserved_matters.len(), 4);
    assert!(
        governance
            .deadlock
            .as_deref()
            .unwrap()
            .starts_with("Escalation")
    );
    let again = read_deal(&serde_json::to_string(&deal).unwrap()).unwrap();
    assert_eq!(again.governance, deal.governance);
    // Governance terms do not move a figure.
    let mut bare = deal.clone();
    bare.governance = Governance::default();
    assert_eq!(
        evaluate(&bare).unwrap().parties[0].views.cash.npv,
        evaluate(&deal).unwrap().parties[0].views.cash.npv
    );
}

#[test]
fn an_empty_block_is_left_out_of_the_file() {
    let mut deal = read_deal(&kenya_text()).unwrap();
    deal.governance = Governance {
        deadlock: Some("  ".into()),
        ..Governance::default()
    };
    assert!(deal.governance.is_empty());
    deal.governance = Governance::default();
    let json = serde_json::to_value(&deal).unwrap();
    assert!(json.get("governance").is_none());
}

#[test]
fn board_seats_must_name_a_party_once() {
    let mut deal = read_deal(&kenya_text()).unwrap();
    deal.governance.board_seats.push(BoardSeats {
        party: "bank".into(),
        seats: 1,
    });
    deal.governance.board_seats.push(BoardSeats {
        party: "maker".into(),
        seats: 1,
    });
    deal.governance.non_compete = Some("x".repeat(4001));
    let errors = field_errors(read_deal(&serde_json::to_string(&deal).unwrap()).unwrap_err());
    let paths: Vec<&str> = errors.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "governance.board_seats[2].party",
            "governance.board_seats[3].party",
            "governance.non_compete"
        ]
    );
    assert_eq!(errors[0].1, "`bank` is not a party of this deal");
    assert_eq!(errors[1].1, "`maker` already has board seats above");
}
