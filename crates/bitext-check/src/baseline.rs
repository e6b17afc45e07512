//! Baselines: today's findings, so that CI fails on new ones only.
//!
//! A finding's fingerprint is SHA-256 over its rule, path, concept, found
//! text (case-folded, white space collapsed) and its occurrence index among
//! findings with the same four, truncated to 16 hex digits. It does not
//! depend on line numbers, so a baseline survives lines moving and edits
//! elsewhere in the file.

use crate::Diagnostic;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// Sets `fingerprint` on each diagnostic. Call once, on every finding of a
/// run in document order.
pub fn fingerprint_all(diagnostics: &mut [Diagnostic]) {
    // Normalised texts in parallel, occurrence indices in order, then the hashes in parallel.
    let found: Vec<String> = diagnostics
        .par_iter()
        .map(|d| normalise(&d.found))
        .collect();
    let mut seen: rustc_hash::FxHashMap<(&str, &str, &str, &str), usize> =
        rustc_hash::FxHashMap::default();
    let occurrence: Vec<usize> = diagnostics
        .iter()
        .zip(&found)
        .map(|(d, f)| {
            let n = seen
                .entry((d.rule, d.path.as_str(), d.term.as_str(), f.as_str()))
                .or_insert(0);
            *n += 1;
            *n - 1
        })
        .collect();
    diagnostics
        .par_iter_mut()
        .zip(found.par_iter().zip(occurrence))
        .for_each(|(d, (found, n))| {
            let mut h = Sha256::new();
            for part in [d.rule, d.path.as_str(), d.term.as_str(), found.as_str()] {
                h.update(part.as_bytes());
                h.update([0]);
            }
            h.update(n.to_string().as_bytes());
            const HEX: &[u8; 16] = b"0123456789abcdef";
            let mut hex = String::with_capacity(16);
            for b in &h.finalize()[..8] {
                hex.push(HEX[(b >> 4) as usize] as char);
                hex.push(HEX[(b & 15) as usize] as char);
            }
            d.fingerprint = hex;
        });
}

fn normalise(s: &str) -> String {
    // Most found texts are ASCII, single-spaced, lowercase already: nothing to change.
    let plain = !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && s.bytes().all(|b| {
            b.is_ascii() && !b.is_ascii_uppercase() && (b == b' ' || !b.is_ascii_whitespace())
        });
    if plain {
        return s.to_owned();
    }
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A baseline file (JSON).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    pub rule: String,
    pub path: String,
    pub term: String,
    pub found: String,
}

impl Baseline {
    pub fn from_findings(diagnostics: &[Diagnostic]) -> Self {
        Baseline {
            version: 1,
            findings: diagnostics
                .iter()
                .map(|d| Entry {
                    fingerprint: d.fingerprint.clone(),
                    rule: d.rule.to_owned(),
                    path: d.path.clone(),
                    term: d.term.clone(),
                    found: d.found.clone(),
                })
                .collect(),
        }
    }

    /// Splits findings into new ones and known ones; also returns the
    /// baseline entries no finding matched (stale).
    pub fn apply<'b>(&'b self, diagnostics: Vec<Diagnostic>) -> Applied<'b> {
        let known: BTreeSet<&str> = self
            .findings
            .iter()
            .map(|e| e.fingerprint.as_str())
            .collect();
        let seen: BTreeSet<String> = diagnostics.iter().map(|d| d.fingerprint.clone()).collect();
        let (old, new): (Vec<_>, Vec<_>) = diagnostics
            .into_iter()
            .partition(|d| known.contains(d.fingerprint.as_str()));
        let stale = self
            .findings
            .iter()
            .filter(|e| !seen.contains(&e.fingerprint))
            .collect();
        Applied { new, old, stale }
    }
}

pub struct Applied<'b> {
    pub new: Vec<Diagnostic>,
    pub old: Vec<Diagnostic>,
    pub stale: Vec<&'b Entry>,
}
