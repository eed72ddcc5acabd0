//! The reliability model: one place for the factors and weights behind every score.

use crate::model::{Claim, Reliability};

/// Scores one claim from what the article says about its source.
#[must_use]
pub fn assess(claim: &Claim) -> Reliability {
    let _ = claim;
    Reliability {
        score: 0.0,
        label: String::from("unknown"),
        factors: Vec::new(),
    }
}
