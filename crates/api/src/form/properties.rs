//! Properties of the form rules over generated forms and answers: checking never panics,
//! whatever the schema and whatever is sent; what it accepts survives a trip through JSON
//! unchanged and is accepted again as it is; a schema it accepts survives JSON too.

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

use std::collections::BTreeMap;

use super::*;
use crate::FieldErrors;

/// Short text, sometimes blank, sometimes padded, sometimes beyond the Latin alphabet.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{0,12}",
        " {0,2}[A-Za-z0-9 ]{0,30} {0,2}",
        "\\PC{0,20}",
        Just(String::new()),
    ]
}

/// A day, mostly real.
fn day() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u16..=9999, 1u8..=12, 1u8..=31).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        text(),
    ]
}

fn options() -> impl Strategy<Value = Vec<ChoiceOption>> {
    vec(("[a-c]{1,2}", "[A-Z][a-z]{0,6}"), 0..5).prop_map(|options| {
        options
            .into_iter()
            .map(|(value, label)| ChoiceOption { value, label })
            .collect()
    })
}

fn kind() -> impl Strategy<Value = FieldKind> {
    prop_oneof![
        (
            0u32..60,
            0u32..8,
            option::of(text()),
            option::of(proptest::sample::select(TextFormat::ALL.to_vec()))
        )
            .prop_map(
                |(max_len, min_len, placeholder, format)| FieldKind::ShortText {
                    max_len,
                    min_len,
                    placeholder,
                    format,
                }
            ),
        (0u32..60, 0u32..8).prop_map(|(max_len, min_len)| FieldKind::LongText { max_len, min_len }),
        Just(FieldKind::Email),
        Just(FieldKind::Url),
        (option::of(day()), option::of(day())).prop_map(|(min, max)| FieldKind::Date { min, max }),
        (option::of(-50.0..50.0f64), option::of(-50.0..50.0f64))
            .prop_map(|(min, max)| FieldKind::Number { min, max }),
        (options(), any::<bool>()).prop_map(|(options, select)| FieldKind::SingleChoice {
            options,
            display: if select {
                ChoiceDisplay::Select
            } else {
                ChoiceDisplay::Radio
            },
        }),
        (options(), 0u32..4, option::of(0u32..5))
            .prop_map(|(options, min, max)| FieldKind::MultipleChoice { options, min, max }),
        (0u8..12).prop_map(|max| FieldKind::Rating { max }),
        Just(FieldKind::Nps),
        (vec("image/(jpeg|png|webp|gif|\\*)", 0..3), 0u64..2_000_000)
            .prop_map(|(accept, max_bytes)| FieldKind::Image { accept, max_bytes }),
        text().prop_map(|text| FieldKind::Consent { text }),
        text().prop_map(|text| FieldKind::Description { text }),
        prop_oneof![
            Just(HiddenSource::Product),
            Just(HiddenSource::PageUrl),
            text().prop_map(HiddenSource::Attribute),
        ]
        .prop_map(|from| FieldKind::Hidden { from }),
        Just(FieldKind::PageBreak),
    ]
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        any::<bool>().prop_map(Answer::Bool),
        prop_oneof![-60.0..60.0f64, (0i32..12).prop_map(f64::from), any::<f64>()]
            .prop_map(Answer::Number),
        prop_oneof![
            text(),
            day(),
            "[a-c]{1,2}",
            "https?://[a-z]{1,8}\\.example(/[a-z]{0,5})?"
        ]
        .prop_map(Answer::Text),
        vec("[a-c]{1,2}", 0..4).prop_map(Answer::List),
        ("image/(jpeg|png|gif)", 0u64..3_000_000).prop_map(|(media_type, bytes)| {
            Answer::Image(ImageAnswer {
                media_type,
                bytes,
                image: None,
            })
        }),
    ]
}

fn comparison(names: Vec<String>) -> impl Strategy<Value = Comparison> {
    let ops = prop_oneof![
        Just(Op::Equals),
        Just(Op::NotEquals),
        Just(Op::Includes),
        Just(Op::AtLeast),
        Just(Op::AtMost),
        Just(Op::Answered),
        Just(Op::Unanswered),
    ];
    (proptest::sample::select(names), ops, option::of(answer()))
        .prop_map(|(field, op, value)| Comparison { field, op, value })
}

/// A form of up to eight fields named `f0`, `f1`…, some asked only on a condition over the
/// others' answers.
fn schema() -> impl Strategy<Value = FormSchema> {
    vec((kind(), any::<bool>(), text()), 1..8)
        .prop_flat_map(|fields| {
            let names: Vec<String> = (0..fields.len()).map(|i| format!("f{i}")).collect();
            let conditions = vec(
                option::weighted(
                    0.3,
                    (any::<bool>(), vec(comparison(names.clone()), 0..3)).prop_map(
                        |(all, comparisons)| {
                            if all {
                                Condition::All(comparisons)
                            } else {
                                Condition::Any(comparisons)
                            }
                        },
                    ),
                ),
                fields.len(),
            );
            (Just(fields), conditions, translations(names))
        })
        .prop_map(|(fields, conditions, translations)| FormSchema {
            slug: "generated".into(),
            title: "Generated".into(),
            description: String::new(),
            fields: fields
                .into_iter()
                .zip(conditions)
                .enumerate()
                .map(|(i, ((kind, required, label), show_if))| Field {
                    name: format!("f{i}"),
                    label,
                    help: String::new(),
                    required,
                    kind,
                    show_if,
                })
                .collect(),
            submit_label: None,
            success_message: None,
            translations,
        })
}

/// Words in a language or two (one tag not a language tag), for some of `names` and names
/// the form does not have.
fn translations(names: Vec<String>) -> impl Strategy<Value = BTreeMap<String, FormTexts>> {
    let field = (
        option::of(text()),
        option::of(text()),
        option::of(text()),
        proptest::collection::btree_map("[a-d]{1,2}", text(), 0..3),
    )
        .prop_map(|(label, help, text, options)| FieldTexts {
            label,
            help,
            placeholder: None,
            text,
            options,
        });
    let name = prop_oneof![proptest::sample::select(names), Just("nope".to_owned())];
    let texts = (
        option::of(text()),
        option::of(text()),
        proptest::collection::btree_map(name, field, 0..4),
    )
        .prop_map(|(title, success_message, fields)| FormTexts {
            title,
            success_message,
            fields,
            ..FormTexts::default()
        });
    proptest::collection::btree_map(prop_oneof!["de", "fr", "pt-BR", "Not a tag"], texts, 0..2)
}

/// An answer `kind` would likely take: mostly one that fits it, sometimes none, sometimes
/// anything at all.
fn answer_to(kind: &FieldKind) -> BoxedStrategy<Option<Answer>> {
    let text = |pattern: String| {
        proptest::string::string_regex(&pattern)
            .expect("a valid pattern")
            .prop_map(Answer::Text)
            .boxed()
    };
    let fitting: BoxedStrategy<Answer> = match kind.clone() {
        FieldKind::ShortText {
            format: Some(format),
            ..
        } => text(
            match format {
                TextFormat::Digits => "[0-9]{1,8}",
                TextFormat::Alphanumeric => "[a-zA-Z0-9]{1,8}",
                TextFormat::Phone => "\\+?[0-9]{2,4}( [0-9]{3,5}){1,3}",
                TextFormat::PostalCode => "[A-Z0-9]{1,4}[0-9]( [0-9A-Z]{1,3})?",
                TextFormat::HexColor => "#([0-9a-f]{3}|[0-9A-F]{6})",
                TextFormat::Handle => "@?[a-z0-9_.]{1,12}",
            }
            .into(),
        ),
        FieldKind::ShortText { max_len, .. } | FieldKind::LongText { max_len, .. } => {
            text(format!(" ?[a-z ]{{0,{}}}", max_len.min(24)))
        }
        FieldKind::Hidden { .. } => text("https://shop\\.example/[a-z]{0,8}".into()),
        FieldKind::Email => text("[a-z]{1,5}@[a-z]{1,5}\\.example".into()),
        FieldKind::Url => text("https?://[a-z]{1,8}\\.example(/[a-z]{0,5})?".into()),
        FieldKind::Date { .. } => day().prop_map(Answer::Text).boxed(),
        FieldKind::Number { .. } => (-60.0..60.0f64).prop_map(Answer::Number).boxed(),
        FieldKind::Rating { max } => (1..=max.max(1))
            .prop_map(|n| Answer::Number(f64::from(n)))
            .boxed(),
        FieldKind::Nps => (0u8..=10)
            .prop_map(|n| Answer::Number(f64::from(n)))
            .boxed(),
        FieldKind::SingleChoice { options, .. } if !options.is_empty() => {
            let values: Vec<String> = options.into_iter().map(|o| o.value).collect();
            proptest::sample::select(values)
                .prop_map(Answer::Text)
                .boxed()
        }
        FieldKind::MultipleChoice { options, .. } if !options.is_empty() => {
            let values: Vec<String> = options.into_iter().map(|o| o.value).collect();
            proptest::sample::subsequence(values.clone(), 0..=values.len())
                .prop_map(Answer::List)
                .boxed()
        }
        FieldKind::Image { accept, max_bytes } if !accept.is_empty() => {
            (proptest::sample::select(accept), 0..=max_bytes)
                .prop_map(|(media_type, bytes)| {
                    Answer::Image(ImageAnswer {
                        media_type: media_type.replace('*', "png"),
                        bytes,
                        image: None,
                    })
                })
                .boxed()
        }
        FieldKind::Consent { .. } => any::<bool>().prop_map(Answer::Bool).boxed(),
        _ => answer().boxed(),
    };
    prop_oneof![
        7 => fitting.prop_map(Some),
        2 => Just(None),
        1 => answer().prop_map(Some),
    ]
    .boxed()
}

/// A form and answers to it: mostly answers its fields would take, now and then one to a
/// field the form does not have.
fn form_and_answers() -> impl Strategy<Value = (FormSchema, Submission)> {
    schema().prop_flat_map(|schema| {
        let per_field: Vec<_> = schema.fields.iter().map(|f| answer_to(&f.kind)).collect();
        let extra = option::weighted(0.1, answer());
        (Just(schema), per_field, extra).prop_map(|(schema, answers, extra)| {
            let mut submission: Submission = schema
                .fields
                .iter()
                .zip(answers)
                .filter_map(|(field, answer)| Some((field.name.clone(), answer?)))
                .collect();
            if let Some(extra) = extra {
                submission.insert("extra".into(), extra);
            }
            (schema, submission)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn checking_never_panics_and_what_it_accepts_it_keeps((schema, answers) in form_and_answers()) {
        let schema_ok = schema.validate_schema().is_ok();
        let _ = schema.asked(&answers);
        if let Ok(clean) = schema.validate(&answers) {
            let json = serde_json::to_string(&clean).unwrap();
            let back: Submission = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(&back, &clean);
            prop_assert_eq!(schema.validate(&back), Ok(clean));
        }
        // The pages' errors together are the form's, less those of fields it does not have.
        let pages = schema.pages();
        let mut by_page = FieldErrors::new();
        for page in 0..pages.len() {
            if let Err(errors) = schema.validate_page(&answers, page) {
                by_page.extend(errors);
            }
        }
        let mut whole = schema.validate(&answers).err().unwrap_or_default();
        whole.retain(|name, _| schema.field(name).is_some());
        prop_assert_eq!(by_page, whole);
        prop_assert_eq!(pages.iter().map(|page| page.len()).sum::<usize>(), schema.fields.len());
        // Words are all a translation changes: the same answers get the same verdict, and a
        // sound form stays sound.
        for locale in ["de", "pt-br", "pt", "en"] {
            let localized = schema.localized(locale);
            prop_assert_eq!(localized.validate(&answers), schema.validate(&answers));
            prop_assert!(localized.translations.is_empty());
            if schema_ok {
                prop_assert_eq!(localized.validate_schema(), Ok(()));
            }
        }
        if schema_ok {
            let json = serde_json::to_string(&schema).unwrap();
            let back: FormSchema = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, schema);
        }
    }
}
