//! Pod Security levels and versions, and the scope of a pod-security finding: the level and
//! range of versions at which upstream Pod Security Admission would reject the pod. Rules
//! report every violation with its scope once; the engine keeps those that apply to the
//! policy of the object's namespace.
use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// A Pod Security Standards version `v1.N`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Version(pub u32);

impl Version {
    /// The newest version whose controls mlk knows; `latest` means this.
    pub const NEWEST: Version = Version(37);
    /// The oldest Pod Security version.
    pub const OLDEST: Version = Version(0);

    /// `v1.N`
    pub const fn v1(minor: u32) -> Version {
        Version(minor)
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "v1.{}", self.0)
    }
}

impl FromStr for Version {
    type Err = String;

    /// Accepts `latest`, `v1.30`, `1.30` and `v1.30.2` (the patch is ignored, as upstream
    /// does).
    fn from_str(s: &str) -> Result<Self, String> {
        if s == "latest" {
            return Ok(Version::NEWEST);
        }
        let bad = || {
            format!(
                "`{s}` is not a Pod Security version; use `latest` or `v1.N` (v1.0 to {})",
                Version::NEWEST
            )
        };
        let rest = s.strip_prefix('v').unwrap_or(s);
        let mut parts = rest.split('.');
        let major = parts.next().ok_or_else(bad)?;
        let minor = parts.next().ok_or_else(bad)?;
        if let Some(patch) = parts.next()
            && (patch.is_empty() || !patch.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(bad());
        }
        if parts.next().is_some()
            || major != "1"
            || minor.is_empty()
            || !minor.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        let minor: u32 = minor.parse().map_err(|_| bad())?;
        // Versions past the newest known are evaluated as the newest, as upstream evaluates
        // a future version with the newest checks it has.
        Ok(Version(minor.min(Version::NEWEST.0)))
    }
}

/// Pod Security levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PsaLevel {
    Privileged,
    Baseline,
    Restricted,
}

impl PsaLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            PsaLevel::Privileged => "privileged",
            PsaLevel::Baseline => "baseline",
            PsaLevel::Restricted => "restricted",
        }
    }
}

impl FromStr for PsaLevel {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "privileged" => Ok(PsaLevel::Privileged),
            "baseline" => Ok(PsaLevel::Baseline),
            "restricted" => Ok(PsaLevel::Restricted),
            _ => Err(format!(
                "`{s}` is not a Pod Security level; use restricted, baseline or privileged"
            )),
        }
    }
}

/// The policy a pod is evaluated against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct PsaPolicy {
    pub level: PsaLevel,
    pub version: Version,
}

impl Default for PsaPolicy {
    fn default() -> Self {
        PsaPolicy {
            level: PsaLevel::Restricted,
            version: Version::NEWEST,
        }
    }
}

impl fmt::Display for PsaPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.level.as_str(), self.version)
    }
}

/// Where a violation applies.
///
/// A baseline check applies at baseline and at restricted, unless a restricted check
/// overrides it from `restricted_until` on (as `capabilities_restricted` overrides
/// `capabilities_baseline` from v1.22). A restricted check applies at restricted only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct PsaScope {
    /// The lowest level at which the check runs.
    pub level: PsaLevel,
    /// First version with this behaviour.
    pub since: Version,
    /// First version without it (exclusive); `None` for every newer version.
    pub until: Option<Version>,
    /// For baseline checks: the version from which restricted uses another check instead.
    pub restricted_until: Option<Version>,
}

impl PsaScope {
    /// A check of `level` from `since` on.
    pub const fn new(level: PsaLevel, since: Version) -> Self {
        PsaScope {
            level,
            since,
            until: None,
            restricted_until: None,
        }
    }

    /// The same scope, ending before `until`.
    pub const fn until(mut self, until: Version) -> Self {
        self.until = Some(until);
        self
    }

    /// The same baseline scope, overridden in restricted from `version` on.
    pub const fn overridden_in_restricted_from(mut self, version: Version) -> Self {
        self.restricted_until = Some(version);
        self
    }

    /// Whether upstream would report this violation under `policy`.
    pub fn applies(&self, policy: PsaPolicy) -> bool {
        let v = policy.version;
        if policy.level == PsaLevel::Privileged
            || v < self.since
            || self.until.is_some_and(|u| v >= u)
        {
            return false;
        }
        match self.level {
            PsaLevel::Restricted => policy.level == PsaLevel::Restricted,
            PsaLevel::Baseline => {
                policy.level == PsaLevel::Baseline || self.restricted_until.is_none_or(|r| v < r)
            }
            PsaLevel::Privileged => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_like_upstream() {
        assert_eq!("latest".parse::<Version>(), Ok(Version::NEWEST));
        assert_eq!("v1.25".parse::<Version>(), Ok(Version(25)));
        assert_eq!("1.8".parse::<Version>(), Ok(Version(8)));
        assert_eq!("v1.30.4".parse::<Version>(), Ok(Version(30)));
        assert_eq!("v1.99".parse::<Version>(), Ok(Version::NEWEST));
        for bad in ["", "v2.1", "v1.", "v1.x", "1", "v1.2.3.4", "v1.2.x"] {
            assert!(bad.parse::<Version>().is_err(), "{bad} parsed");
        }
    }

    #[test]
    fn baseline_checks_apply_at_restricted_until_overridden() {
        let scope = PsaScope::new(PsaLevel::Baseline, Version(0))
            .overridden_in_restricted_from(Version(22));
        let at = |level, v| {
            scope.applies(PsaPolicy {
                level,
                version: Version(v),
            })
        };
        assert!(at(PsaLevel::Baseline, 30));
        assert!(at(PsaLevel::Restricted, 21));
        assert!(!at(PsaLevel::Restricted, 22));
        assert!(!at(PsaLevel::Privileged, 10));
    }

    #[test]
    fn restricted_checks_honour_their_version_range() {
        let scope = PsaScope::new(PsaLevel::Restricted, Version(8)).until(Version(25));
        let at = |level, v| {
            scope.applies(PsaPolicy {
                level,
                version: Version(v),
            })
        };
        assert!(!at(PsaLevel::Restricted, 7));
        assert!(at(PsaLevel::Restricted, 8));
        assert!(at(PsaLevel::Restricted, 24));
        assert!(!at(PsaLevel::Restricted, 25));
        assert!(!at(PsaLevel::Baseline, 10));
    }
}
