//! Conditional questions: a field with `show_if` is asked only when earlier answers meet its
//! condition, all or any of a few comparisons (`{"all": [{"field": "roast", "op": "equals",
//! "value": "dark"}]}`). A field not asked is neither checked nor kept, and counts as
//! unanswered for the fields after it, so the widget and the server always agree on which
//! questions a set of answers went through.

use serde::{Deserialize, Serialize};

use crate::form::submission::{Answer, Submission};

/// When a field is asked.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// When every comparison holds.
    All(Vec<Comparison>),
    /// When at least one comparison holds.
    Any(Vec<Comparison>),
}

/// One comparison with the answer to an earlier field.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// The earlier field's name.
    pub field: String,
    /// How its answer is compared.
    pub op: Op,
    /// What it is compared with; none for `answered` and `unanswered`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Answer>,
}

/// How an answer is compared.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// The answer is `value`.
    Equals,
    /// The answer is not `value` (an unanswered field is not).
    NotEquals,
    /// A multiple choice's answer lists `value`, an option's value.
    Includes,
    /// A number or score is `value` or more.
    AtLeast,
    /// A number or score is `value` or less.
    AtMost,
    /// The field was answered.
    Answered,
    /// The field was left unanswered.
    Unanswered,
}

impl Condition {
    /// Whether the condition holds for `answers`, the answers to the fields asked so far.
    pub fn holds(&self, answers: &Submission) -> bool {
        match self {
            Self::All(comparisons) => comparisons.iter().all(|c| c.holds(answers)),
            Self::Any(comparisons) => comparisons.iter().any(|c| c.holds(answers)),
        }
    }

    /// The comparisons it makes.
    pub fn comparisons(&self) -> &[Comparison] {
        match self {
            Self::All(comparisons) | Self::Any(comparisons) => comparisons,
        }
    }
}

impl Comparison {
    /// Whether the comparison holds for `answers`.
    pub fn holds(&self, answers: &Submission) -> bool {
        let answer = answers.get(&self.field);
        let value = self.value.as_ref();
        match self.op {
            Op::Answered => answer.is_some(),
            Op::Unanswered => answer.is_none(),
            Op::Equals => answer.is_some_and(|answer| Some(answer) == value),
            Op::NotEquals => answer.is_some_and(|answer| Some(answer) != value),
            Op::Includes => match (answer, value) {
                (Some(Answer::List(list)), Some(Answer::Text(option))) => list.contains(option),
                _ => false,
            },
            Op::AtLeast | Op::AtMost => match (answer, value) {
                (Some(Answer::Number(number)), Some(Answer::Number(bound))) => {
                    if self.op == Op::AtLeast {
                        number >= bound
                    } else {
                        number <= bound
                    }
                }
                _ => false,
            },
        }
    }

    /// Whether `value` suits `op`: none for `answered` and `unanswered`, an option's value for
    /// `includes`, a number for `at_least` and `at_most`, anything but an image otherwise.
    pub fn is_well_formed(&self) -> bool {
        match (self.op, &self.value) {
            (Op::Answered | Op::Unanswered, value) => value.is_none(),
            (Op::Includes, Some(Answer::Text(_))) => true,
            (Op::AtLeast | Op::AtMost, Some(Answer::Number(_))) => true,
            (Op::Equals | Op::NotEquals, Some(value)) => !matches!(value, Answer::Image(_)),
            _ => false,
        }
    }
}
