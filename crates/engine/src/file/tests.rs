//! Reading whole files: the fixture, each kind of structural problem, several at once,
//! versions, syntax, and a property test that no input makes the reader panic.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use serde_json::{Value, json};

use super::read_deal;
use crate::problem::{DealError, FieldError};

const MINIMAL: &str = include_str!("../../tests/fixtures/minimal.jvdeal");

fn minimal_value() -> Value {
    serde_json::from_str(MINIMAL).unwrap()
}

/// The errors of an invalid file.
#[track_caller]
fn errors(value: &Value) -> Vec<FieldError> {
    match read_deal(&value.to_string()) {
        Err(DealError::Invalid(errors)) => errors,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[track_caller]
fn only(value: &Value, path: &str, message: &str) {
    assert_eq!(errors(value), vec![FieldError::new(path, message)]);
}

#[test]
fn the_fixture_reads() {
    let deal = read_deal(MINIMAL).unwrap();
    assert_eq!(deal.parties.len(), 2);
    assert_eq!(deal.parties[0].id, "maker");
    assert_eq!(deal.market.country, "KE");
    assert_eq!(deal.horizon_years, 10);
}

#[test]
fn what_it_reads_round_trips() {
    let deal = read_deal(MINIMAL).unwrap();
    let written = serde_json::to_string_pretty(&deal).unwrap();
    assert_eq!(read_deal(&written).unwrap(), deal);
}

#[test]
fn three_problems_of_different_kinds_are_all_reported() {
    let mut v = minimal_value();
    let licence = v["agreements"]["licence"].as_object_mut().unwrap();
    let rate = licence.remove("royalty_rate").unwrap();
    licence.insert("royalty_rat".to_owned(), rate);
    v["agreements"]["kit_supply"]["kit_fob_price"] = json!("1,800");
    v["plan"]["retail_price"] = json!("-450000");
    assert_eq!(
        errors(&v),
        vec![
            FieldError::new(
                "agreements.licence.royalty_rat",
                "unknown field \"royalty_rat\"; did you mean \"royalty_rate\"?"
            ),
            FieldError::new(
                "agreements.kit_supply.kit_fob_price",
                "must be a decimal number written as a string, like \"0.25\""
            ),
            FieldError::new("plan.retail_price", "must be more than 0; it is -450000"),
        ]
    );
}

#[test]
fn an_unknown_field_without_a_near_name_lists_the_allowed_ones() {
    let mut v = minimal_value();
    v["exit"]["colour"] = json!("red");
    only(
        &v,
        "exit.colour",
        "unknown field \"colour\"; the fields allowed here are method",
    );
}

#[test]
fn a_number_where_a_decimal_string_belongs() {
    let mut v = minimal_value();
    v["parties"][1]["contributions"][0]["valuation"]["value"] = json!(2000000);
    only(
        &v,
        "parties[1].contributions[0].valuation.value",
        "must be a decimal number written as a string, like \"0.25\"",
    );
}

#[test]
fn an_oversized_decimal() {
    let mut v = minimal_value();
    v["market"]["fx_spot"] = json!("123456789012345678901234567890");
    only(
        &v,
        "market.fx_spot",
        "is too large a number: at most 28 digits fit in a decimal",
    );
}

#[test]
fn whole_numbers() {
    let mut v = minimal_value();
    v["horizon_years"] = json!(10.5);
    only(&v, "horizon_years", "must be a whole number");
    v["horizon_years"] = json!(-3);
    only(&v, "horizon_years", "must not be negative");
    v["horizon_years"] = json!(5_000_000_000_u64);
    only(
        &v,
        "horizon_years",
        "is too large: the largest whole number allowed here is 4294967295",
    );
}

#[test]
fn wrong_kinds_of_value() {
    let mut v = minimal_value();
    v["name"] = json!(42);
    v["parties"][0]["joins_capital_calls"] = json!("yes");
    v["plan"]["capex"] = json!({});
    v["agreements"]["licence"] = json!(3);
    assert_eq!(
        errors(&v),
        vec![
            FieldError::new("name", "must be text in quotes"),
            FieldError::new("parties[0].joins_capital_calls", "must be true or false"),
            FieldError::new(
                "agreements.licence",
                "must be a group of fields in braces { … }, or null"
            ),
            FieldError::new("plan.capex", "must be a list in square brackets [ … ]"),
        ]
    );
}

#[test]
fn missing_required_fields() {
    let mut v = minimal_value();
    v["market"].as_object_mut().unwrap().remove("fx_spot");
    v["parties"][0].as_object_mut().unwrap().remove("role");
    assert_eq!(
        errors(&v),
        vec![
            FieldError::new("market.fx_spot", "is required"),
            FieldError::new("parties[0].role", "is required"),
        ]
    );
}

#[test]
fn unknown_enum_values_list_the_allowed_ones() {
    let mut v = minimal_value();
    v["equity"]["mode"] = json!("negotiatd");
    v["parties"][1]["contributions"][0]["kind"] = json!("money");
    assert_eq!(
        errors(&v),
        vec![
            FieldError::new(
                "parties[1].contributions[0].kind",
                "must be one of cash, asset, technology, distribution, services"
            ),
            FieldError::new(
                "equity.mode",
                "must be one of contribution_based, negotiated; did you mean \"negotiated\"?"
            ),
        ]
    );
}

#[test]
fn unknown_and_missing_method_tags() {
    let mut v = minimal_value();
    v["exit"] = json!({ "method": "ipo" });
    v["plan"]["units"] = json!({ "first_year": "10", "growth": "0.1" });
    assert_eq!(
        errors(&v),
        vec![
            FieldError::new("plan.units.method", "is required: one of ramp, explicit"),
            FieldError::new(
                "exit.method",
                "must be one of none, book_value, ebitda_multiple, perpetuity"
            ),
        ]
    );
}

#[test]
fn errors_inside_a_tagged_variant_are_about_that_variant() {
    let mut v = minimal_value();
    v["exit"] = json!({ "method": "perpetuity", "growth": "0.02", "discount": "0.1" });
    assert_eq!(
        errors(&v),
        vec![FieldError::new(
            "exit.discount",
            "unknown field \"discount\"; did you mean \"discount_rate\"?"
        ),]
    );
    v["exit"] = json!({ "method": "ebitda_multiple", "multiple": 6 });
    only(
        &v,
        "exit.multiple",
        "must be a decimal number written as a string, like \"0.25\"",
    );
}

#[test]
fn a_missing_field_of_a_tagged_variant_names_the_variant() {
    let mut v = minimal_value();
    v["exit"] = json!({ "method": "ebitda_multiple" });
    only(
        &v,
        "exit.multiple",
        "is required when method is \"ebitda_multiple\"",
    );
}

fn basis() -> Value {
    json!({
        "summary": "NOTAP refuses royalties and technical fees on plain CKD assembly",
        "source": "https://notap.gov.ng/content/guidelines",
        "as_of": "2023"
    })
}

/// The minimal deal with a preset reference, one sourced value and the given rules.
fn with_rules(rules: Value) -> Value {
    let mut v = minimal_value();
    v["market"]["preset"] = json!({ "country": "NG", "version": "2025-06" });
    v["market"]["provenance"] = json!([
        { "field": "corporate_tax_rate", "source": "https://taxsummaries.pwc.com/nigeria", "as_of": "2025-01-15" }
    ]);
    v["market"]["rules"] = rules;
    v
}

#[test]
fn market_rules_preset_and_provenance_read() {
    let v = with_rules(json!([
        { "kind": "technology_fees_refused_on_ckd", "basis": basis() },
        { "kind": "foreign_trade_licence", "min_foreign_investment": "1000000", "basis": basis() },
        { "kind": "capital_import_needs_cash_or_goods", "basis": basis() },
        { "kind": "repatriation_restricted", "basis": basis() },
        { "kind": "duty_change", "applies_to": "kits", "rate": "0.35", "effective": "2026-07-01", "basis": basis() }
    ]));
    let deal = read_deal(&v.to_string()).unwrap();
    assert_eq!(deal.market.rules.len(), 5);
    assert_eq!(deal.market.preset.as_ref().unwrap().version, "2025-06");
    assert_eq!(deal.market.provenance[0].as_of, "2025-01-15");
    // Written back, the new fields keep their shape; an empty list is left out.
    let written = serde_json::to_value(&deal).unwrap();
    assert_eq!(written["market"]["rules"][4]["kind"], "duty_change");
    assert_eq!(
        written["market"]["rules"][1]["max_foreign_share"],
        Value::Null
    );
    let plain = serde_json::to_value(read_deal(MINIMAL).unwrap()).unwrap();
    for key in ["preset", "provenance", "rules"] {
        assert!(plain["market"].get(key).is_none(), "{key} is left out");
    }
}

#[test]
fn an_unknown_rule_kind_suggests_the_near_one() {
    let v = with_rules(json!([
        { "kind": "technology_fee_refused_on_ckd", "basis": basis() },
        { "kind": "embargo", "basis": basis() }
    ]));
    let kinds = "technology_fees_refused_on_ckd, foreign_trade_licence, capital_import_needs_cash_or_goods, repatriation_restricted, duty_change";
    assert_eq!(
        errors(&v),
        vec![
            FieldError::new(
                "market.rules[0].kind",
                format!("must be one of {kinds}; did you mean \"technology_fees_refused_on_ckd\"?")
            ),
            FieldError::new("market.rules[1].kind", format!("must be one of {kinds}")),
        ]
    );
    let v = with_rules(json!([{ "basis": basis() }]));
    only(
        &v,
        "market.rules[0].kind",
        &format!("is required: one of {kinds}"),
    );
}

#[test]
fn missing_and_misplaced_fields_of_a_rule_name_its_kind() {
    let mut incomplete = basis();
    incomplete.as_object_mut().unwrap().remove("source");
    let v = with_rules(json!([
        { "kind": "duty_change", "applies_to": "kit", "rate": "0.35", "basis": basis() },
        { "kind": "repatriation_restricted", "max_foreign_share": "0.49", "basis": incomplete }
    ]));
    assert_eq!(
        errors(&v),
        vec![
            FieldError::new(
                "market.rules[0].applies_to",
                "must be one of kits, vehicles; did you mean \"kits\"?"
            ),
            FieldError::new(
                "market.rules[0].effective",
                "is required when kind is \"duty_change\""
            ),
            FieldError::new(
                "market.rules[1].max_foreign_share",
                "unknown field \"max_foreign_share\"; the fields allowed here are kind, basis"
            ),
            FieldError::new("market.rules[1].basis.source", "is required"),
        ]
    );
}

#[test]
fn a_broken_rule_does_not_produce_follow_on_errors_but_others_survive() {
    // The unknown kind is repaired with a placeholder rule whose empty basis says nothing;
    // the bad date of the next rule is still reported.
    let mut late = basis();
    late["as_of"] = json!("last year");
    let v = with_rules(json!([
        { "kind": "embargo", "basis": basis() },
        { "kind": "repatriation_restricted", "basis": late }
    ]));
    let found = errors(&v);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].path, "market.rules[0].kind");
    assert_eq!(
        found[1],
        FieldError::new(
            "market.rules[1].basis.as_of",
            "must be the date the source states, written YYYY-MM-DD, YYYY-MM or YYYY, like \"2025-02\"; it is \"last year\""
        )
    );
}

#[test]
fn preset_and_provenance_have_their_shape() {
    let mut v = with_rules(json!([]));
    v["market"]["preset"] = json!("KE");
    v["market"]["provenance"][0]
        .as_object_mut()
        .unwrap()
        .remove("as_of");
    v["market"]["provenance"][0]["asof"] = json!("2025");
    assert_eq!(
        errors(&v),
        vec![
            FieldError::new(
                "market.preset",
                "must be a group of fields in braces { … }, or null"
            ),
            FieldError::new(
                "market.provenance[0].asof",
                "unknown field \"asof\"; did you mean \"as_of\"?"
            ),
        ]
    );
    v["market"]["preset"] = Value::Null;
    v["market"]["provenance"] = json!([]);
    assert!(read_deal(&v.to_string()).is_ok());
}

#[test]
fn an_optional_field_may_be_null() {
    let mut v = minimal_value();
    v["agreements"]["licence"] = Value::Null;
    v["market"]["fx_depreciation"] = Value::Null;
    assert!(read_deal(&v.to_string()).is_ok());
    v["market"]["fx_depreciation"] = json!(0.1);
    only(
        &v,
        "market.fx_depreciation",
        "must be a decimal number written as a string, like \"0.25\", or null",
    );
}

#[test]
fn a_structural_error_does_not_produce_follow_on_errors() {
    // Horizon unreadable: no "needs 10 rates" from a stand-in horizon.
    let mut v = minimal_value();
    v["horizon_years"] = json!("ten");
    v["market"]["inflation_path"] = json!(["0.05", "0.05"]);
    only(&v, "horizon_years", "must be a whole number");

    // A broken share: the sum rule says nothing about it.
    let mut v = minimal_value();
    v["equity"]["shares"][0]["share"] = json!(0.6);
    only(
        &v,
        "equity.shares[0].share",
        "must be a decimal number written as a string, like \"0.25\"",
    );

    // A broken party id: references to it are not reported as dangling.
    let mut v = minimal_value();
    v["parties"][0]["id"] = json!(7);
    only(&v, "parties[0].id", "must be text in quotes");
}

#[test]
fn semantic_errors_elsewhere_survive_a_structural_error() {
    let mut v = minimal_value();
    v["market"]["corporate_tax_rate"] = json!(0.3);
    v["horizon_years"] = json!(45);
    assert_eq!(
        errors(&v),
        vec![
            FieldError::new(
                "market.corporate_tax_rate",
                "must be a decimal number written as a string, like \"0.25\""
            ),
            FieldError::new("horizon_years", "must be from 1 to 30 years; it is 45"),
        ]
    );
}

#[test]
fn a_newer_schema_version_is_refused_alone() {
    let mut v = minimal_value();
    v["schema_version"] = json!(2);
    v["plan"] = json!("garbage");
    assert_eq!(
        read_deal(&v.to_string()),
        Err(DealError::NewerSchema {
            found: 2,
            supported: 1
        })
    );
}

#[test]
fn the_schema_version_is_checked_first() {
    let mut v = minimal_value();
    v.as_object_mut().unwrap().shift_remove("schema_version");
    v["plan"]["retail_price"] = json!(1);
    assert_eq!(
        errors(&v),
        vec![
            FieldError::new("schema_version", "is required"),
            FieldError::new(
                "plan.retail_price",
                "must be a decimal number written as a string, like \"0.25\""
            ),
        ]
    );
    v["schema_version"] = json!("1");
    assert_eq!(
        errors(&v)[0],
        FieldError::new(
            "schema_version",
            "must be a file-format version: a whole number from 1 to 1"
        )
    );
    v["schema_version"] = json!(0);
    assert_eq!(
        errors(&v)[0],
        FieldError::new(
            "schema_version",
            "must be a file-format version: a whole number from 1 to 1"
        )
    );
    assert_eq!(errors(&v).len(), 2);
}

#[test]
fn text_that_is_not_json() {
    let text = "{\n  \"schema_version\": 1,\n  \"name\": \n}";
    match read_deal(text) {
        Err(DealError::Syntax {
            message,
            line,
            column,
        }) => {
            assert_eq!((line, column), (4, 1));
            assert_eq!(message, "expected value");
        }
        other => panic!("expected Syntax, got {other:?}"),
    }
    assert!(matches!(read_deal(""), Err(DealError::Syntax { .. })));
}

#[test]
fn a_file_that_is_not_an_object() {
    assert_eq!(
        read_deal("[1, 2]"),
        Err(DealError::Invalid(vec![FieldError::new(
            "",
            "must be a group of fields in braces { … }"
        )]))
    );
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "\\PC{0,12}".prop_map(Value::String),
        decimal_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((field_name(), inner), 0..6)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

/// Field names, often real ones so that the walk goes deep.
fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_]{1,10}",
        prop::sample::select(vec![
            "schema_version",
            "name",
            "horizon_years",
            "market",
            "parties",
            "equity",
            "agreements",
            "plan",
            "exit",
            "method",
            "units",
            "value",
            "valuation",
            "contributions",
            "id",
            "share",
        ])
        .prop_map(str::to_owned),
    ]
}

/// Decimal strings of every size, including ones past `Decimal`'s range.
fn decimal_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "-?[0-9]{1,3}(\\.[0-9]{1,3})?",
        "-?[0-9]{1,32}(\\.[0-9]{1,32})?",
        Just("79228162514264337593543950335".to_owned()),
        Just("-0.9999999999999999999999999999".to_owned()),
    ]
}

/// A change somewhere in a valid deal: the path is chosen by `steps` (each an index into the
/// current node's children), then the node is replaced, removed, or given an extra field.
#[derive(Debug, Clone)]
enum Mutation {
    Replace(Value),
    Remove,
    AddField(String, Value),
}

fn mutation() -> impl Strategy<Value = (Vec<usize>, Mutation)> {
    let change = prop_oneof![
        arbitrary_json().prop_map(Mutation::Replace),
        decimal_text().prop_map(|d| Mutation::Replace(Value::String(d))),
        any::<u64>().prop_map(|n| Mutation::Replace(Value::from(n % 64))),
        Just(Mutation::Remove),
        (field_name(), arbitrary_json()).prop_map(|(k, v)| Mutation::AddField(k, v)),
    ];
    (prop::collection::vec(any::<usize>(), 0..7), change)
}

fn mutate(value: &mut Value, steps: &[usize], change: Mutation) {
    let Some((&step, rest)) = steps.split_first() else {
        match change {
            Mutation::Replace(new) => *value = new,
            Mutation::AddField(key, new) => {
                if let Value::Object(map) = value {
                    map.insert(key, new);
                }
            }
            Mutation::Remove => *value = Value::Null,
        }
        return;
    };
    match value {
        Value::Object(map) if !map.is_empty() => {
            let Some(key) = map.keys().nth(step % map.len()).cloned() else {
                return;
            };
            if rest.is_empty() && matches!(change, Mutation::Remove) {
                map.shift_remove(&key);
                return;
            }
            if let Some(child) = map.get_mut(&key) {
                mutate(child, rest, change);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let index = step % items.len();
            if rest.is_empty() && matches!(change, Mutation::Remove) {
                items.remove(index);
                return;
            }
            mutate(&mut items[index], rest, change);
        }
        _ => mutate(value, &[], change),
    }
}

/// Sets every decimal string of the deal to one of `decimals`, in turn.
fn replace_decimals(value: &mut Value, decimals: &[String], next: &mut usize) {
    match value {
        Value::String(s) if !decimals.is_empty() && s.parse::<rust_decimal::Decimal>().is_ok() => {
            *s = decimals[*next % decimals.len()].clone();
            *next += 1;
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|v| replace_decimals(v, decimals, next)),
        Value::Object(map) => map
            .values_mut()
            .for_each(|v| replace_decimals(v, decimals, next)),
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_json_never_panics(value in arbitrary_json()) {
        let _ = read_deal(&value.to_string());
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,64}") {
        let _ = read_deal(&text);
    }

    #[test]
    fn mutated_deals_never_panic(mutations in prop::collection::vec(mutation(), 1..4)) {
        let mut v = minimal_value();
        for (steps, change) in mutations {
            mutate(&mut v, &steps, change);
        }
        let _ = read_deal(&v.to_string());
    }

    #[test]
    fn any_decimals_in_a_valid_shape_never_panic(decimals in prop::collection::vec(decimal_text(), 1..40)) {
        let mut v = minimal_value();
        // Reach every optional decimal too, so each rule sees extreme values.
        v["market"]["fx_depreciation"] = json!("0");
        v["market"]["inflation_path"] = json!(vec!["0"; 10]);
        v["market"]["fx_path"] = json!(vec!["1"; 11]);
        v["rcy_escalation"] = json!("0");
        v["plan"]["price_growth"] = json!("0");
        v["financing"] = json!({ "loan": { "amount": "1", "rate": "0.1", "tenor_years": 5 } });
        v["exit"] = json!({ "method": "perpetuity", "growth": "0.02", "discount_rate": "0.1" });
        v["parties"][0]["contributions"][0]["valuation"] =
            json!({ "method": "relief_from_royalty", "royalty_rate": "0.03", "discount_rate": "0.1" });
        v["parties"][0]["contributions"][0]["tranches"] =
            json!([{ "share": "0.5", "milestone": "a", "year": 0 }, { "share": "0.5", "milestone": "b", "year": 2 }]);
        let mut next = 0;
        replace_decimals(&mut v, &decimals, &mut next);
        let _ = read_deal(&v.to_string());
    }
}
