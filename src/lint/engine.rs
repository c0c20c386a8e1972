//! The lint flow: files -> documents with spans -> objects and their pod templates ->
//! rules -> findings with positions -> Pod Security policy per namespace -> suppressions
//! -> levels -> sorted. Files are processed in parallel; only findings and small facts
//! survive a file.
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, hash_map};
use std::sync::Arc;

use rayon::prelude::*;

use super::context::{DocumentCx, InputCx, ObjectCx, PodCx};
use super::facts::{Facts, Location, ObjectKey, Origin, Site, position};
use super::finding::{Finding, ObjectRef, Position};
use super::psa::{PsaLevel, PsaPolicy, PsaScope, Version};
use super::rule::{Category, Level, Rule, RuleMeta};
use super::settings::{Configured, Settings};
use super::sink::{Entry, Sink, Target};
use crate::manifest::{
    self, Document, InputFile, Node, Object, ProblemKind, RuntimeDef, RuntimeNeed, ServingRuntimes,
    locate,
};

/// The annotation prefix of suppressions: `ignore.mlk.dev/<rule-or-category>: "<why>"`.
pub const SUPPRESSION_PREFIX: &str = "ignore.mlk.dev/";

/// The outcome of a run.
#[derive(Debug, Default)]
pub struct Report {
    /// Sorted by file, line, column and rule.
    pub findings: Vec<Finding>,
    /// Files read.
    pub files: usize,
    /// Objects checked.
    pub objects: usize,
    /// Texts of the files with findings, for snippets.
    pub sources: BTreeMap<String, Arc<str>>,
}

/// A rule with its configured level.
#[derive(Clone, Copy)]
pub struct ActiveRule {
    pub rule: &'static dyn Rule,
    pub level: Level,
}

/// The rules that run under `settings`.
pub fn active_rules(rules: &[&'static dyn Rule], settings: &Settings) -> Vec<ActiveRule> {
    rules
        .iter()
        .filter_map(|r| match settings.selection.level_of(r.meta()) {
            Configured::Off => None,
            Configured::On(level) => Some(ActiveRule { rule: *r, level }),
        })
        .collect()
}

/// A finding before the policy and suppression passes.
struct Pending {
    finding: Finding,
    psa: Option<PsaScope>,
    key: Option<ObjectKey>,
}

/// A suppression annotation.
struct Suppression {
    key: ObjectKey,
    target: String,
    reason: String,
    location: Location,
    used: bool,
}

struct FileResult {
    pending: Vec<Pending>,
    /// The pending findings once settled.
    findings: Vec<Finding>,
    facts: Facts,
    suppressions: Vec<Suppression>,
    objects: usize,
    display: Arc<str>,
    text: Option<Arc<str>>,
    /// The file's serving runtimes, for the KServe models of the other files.
    runtimes: Vec<RuntimeDef>,
    /// The serving runtimes that KServe models of the file name and the file does not
    /// settle.
    needs: BTreeSet<RuntimeNeed>,
    /// The file's text when it has such models, to check them again once the runtimes of
    /// every file are known.
    retry: Option<Arc<str>>,
}

/// Lints the files with the given rules.
pub fn lint(files: &[InputFile], settings: &Settings, rules: &[&'static dyn Rule]) -> Report {
    let active = active_rules(rules, settings);
    let results: Vec<FileResult> = files
        .par_iter()
        .enumerate()
        .map(|(i, f)| {
            let bytes = f.read(settings.limits.max_bytes);
            lint_file(i as u32, &f.display, bytes, settings, &active, &[])
        })
        .collect();
    finish(results, files.len(), settings, &active)
}

/// Lints in-memory texts, named as given (for tests, docs examples and compiled resources).
pub fn lint_texts(
    texts: &[(&str, &str)],
    settings: &Settings,
    rules: &[&'static dyn Rule],
) -> Report {
    let active = active_rules(rules, settings);
    let results: Vec<FileResult> = texts
        .iter()
        .enumerate()
        .map(|(i, (name, text))| {
            lint_file(
                i as u32,
                name,
                Ok(text.as_bytes().to_vec()),
                settings,
                &active,
                &[],
            )
        })
        .collect();
    finish(results, texts.len(), settings, &active)
}

/// Lints one file's raw bytes (for fuzzing and property tests: any bytes at all).
pub fn lint_bytes(
    name: &str,
    bytes: &[u8],
    settings: &Settings,
    rules: &[&'static dyn Rule],
) -> Report {
    let active = active_rules(rules, settings);
    let result = lint_file(0, name, Ok(bytes.to_vec()), settings, &active, &[]);
    finish(vec![result], 1, settings, &active)
}

/// Checks again the files whose KServe models name a serving runtime that another file of
/// the run holds, with those runtimes: they are known only once every file is read. Few
/// files have such models, and only those are parsed again.
fn link_runtimes(results: &mut [FileResult], settings: &Settings, active: &[ActiveRule]) {
    if results.iter().all(|r| r.retry.is_none()) {
        return;
    }
    let defs: Vec<RuntimeDef> = results
        .iter_mut()
        .flat_map(|r| std::mem::take(&mut r.runtimes))
        .collect();
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, def) in defs.iter().enumerate() {
        by_name.entry(def.name()).or_default().push(i);
    }
    results.par_iter_mut().enumerate().for_each(|(i, r)| {
        let Some(text) = r.retry.take() else {
            return;
        };
        let wanted: BTreeSet<usize> = std::mem::take(&mut r.needs)
            .iter()
            .flat_map(|need| {
                by_name
                    .get(need.name())
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&d| defs[d].settles(need))
                    .collect::<Vec<_>>()
            })
            .collect();
        if wanted.is_empty() {
            return;
        }
        let others: Vec<&RuntimeDef> = wanted.into_iter().map(|d| &defs[d]).collect();
        let display = r.display.clone();
        let bytes = Ok(text.as_bytes().to_vec());
        *r = lint_file(i as u32, &display, bytes, settings, active, &others);
    });
}

fn finish(
    mut results: Vec<FileResult>,
    file_count: usize,
    settings: &Settings,
    active: &[ActiveRule],
) -> Report {
    link_runtimes(&mut results, settings, active);
    let objects = results.iter().map(|r| r.objects).sum();
    let facts = Facts::merge(results.iter_mut().map(|r| std::mem::take(&mut r.facts)));

    // Cross-object findings join the findings of the file they point into, so that the
    // suppressions of that file apply to them.
    let input_cx = InputCx {
        facts: &facts,
        settings,
    };
    let mut cross: Vec<Pending> = active
        .par_iter()
        .map(|a| {
            let mut sink = Sink::default();
            a.rule.check_input(&input_cx, &mut sink);
            sink.take()
                .into_iter()
                .filter_map(|entry| {
                    let Target::Located(loc) = entry.target else {
                        return None;
                    };
                    let finding = make_finding(
                        a,
                        entry.message,
                        entry.help,
                        &loc.site.file,
                        loc.site.document,
                        loc.position,
                        loc.path,
                        Some(loc.site.object.clone()),
                    );
                    Some(Pending {
                        finding,
                        psa: entry.psa,
                        key: Some(loc.site.key.clone()),
                    })
                })
                .collect::<Vec<_>>()
        })
        .flatten()
        .collect();
    // Grouped by file in one pass, keeping the order of rules and entries within a file,
    // so that each file settles its own share without growing its list.
    cross.sort_by_key(|p| p.key.as_ref().map_or(u32::MAX, |k| k.file));
    let mut shares: Vec<Vec<Pending>> = Vec::with_capacity(results.len());
    shares.resize_with(results.len(), Vec::new);
    let mut elsewhere = Vec::new();
    while let Some(last) = cross.last() {
        let file = last.key.as_ref().map_or(u32::MAX, |k| k.file) as usize;
        let start = cross
            .partition_point(|p| (p.key.as_ref().map_or(u32::MAX, |k| k.file) as usize) < file);
        let share = cross.split_off(start);
        match shares.get_mut(file) {
            Some(s) => *s = share,
            None => elsewhere.extend(share),
        }
    }

    let policies = namespace_policies(&facts);
    // Freed on the pool while the findings are settled and printed, which can then reuse
    // the memory; freeing many small records would otherwise hold up the main thread.
    rayon::spawn(move || drop(facts));
    let metas = crate::rules::all_meta();
    let settled: Vec<FileResult> = results
        .into_par_iter()
        .zip(shares)
        .map(|(mut r, share)| {
            let pending = std::mem::take(&mut r.pending);
            r.findings = settle(
                pending.into_iter().chain(share),
                &mut r.suppressions,
                &policies,
                &metas,
                settings,
            );
            r
        })
        .collect();
    let mut findings = Vec::with_capacity(
        settled.iter().map(|r| r.findings.len()).sum::<usize>() + elsewhere.len(),
    );
    let mut sources = BTreeMap::new();
    for r in settled {
        if let Some(text) = r.text.filter(|_| !r.findings.is_empty()) {
            sources.insert(r.display.to_string(), text);
        }
        findings.extend(r.findings);
    }
    findings.extend(settle(
        elsewhere.into_iter(),
        &mut [],
        &policies,
        &metas,
        settings,
    ));
    // Each file's findings are sorted already, and files come in order: this sort only
    // checks that, unless in-memory texts were named out of order (or share a name, which
    // is also why duplicates are dropped once more).
    if !findings.is_sorted_by(|a, b| a.sort_key() <= b.sort_key()) {
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }
    findings.dedup();
    Report {
        findings,
        files: file_count,
        objects,
        sources,
    }
}

/// The findings of one file: Pod Security findings that the policy of their namespace
/// allows are dropped, suppressed ones are dropped, and the suppressions themselves are
/// checked; sorted.
fn settle(
    pending: impl Iterator<Item = Pending>,
    suppressions: &mut [Suppression],
    policies: &BTreeMap<String, PsaPolicy>,
    metas: &[&'static RuleMeta],
    settings: &Settings,
) -> Vec<Finding> {
    let mut by_object: HashMap<ObjectKey, Vec<usize>> = HashMap::new();
    for (i, s) in suppressions.iter().enumerate() {
        by_object.entry(s.key.clone()).or_default().push(i);
    }
    let mut findings: Vec<Finding> = Vec::with_capacity(pending.size_hint().0);
    for p in pending {
        if let Some(scope) = p.psa {
            let ns = p
                .finding
                .object
                .as_ref()
                .and_then(|o| o.namespace.as_deref());
            let policy = ns
                .and_then(|n| policies.get(n))
                .copied()
                .unwrap_or(settings.policy);
            if !scope.applies(policy) {
                continue;
            }
        }
        if let Some(key) = &p.key
            && let Some(i) = by_object
                .get(key)
                .into_iter()
                .flatten()
                .copied()
                .find(|&i| {
                    let s = &suppressions[i];
                    s.target == p.finding.rule || s.target == p.finding.category.as_str()
                })
        {
            let s = &mut suppressions[i];
            s.used = true;
            if !s.reason.trim().is_empty() {
                continue;
            }
        }
        findings.push(p.finding);
    }
    findings.extend(suppression_findings(suppressions, metas, settings));
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings.dedup();
    findings
}

/// Lints the objects an mlk.dev resource compiles to, with the per-object rules and the
/// default Pod Security policy (the compiled objects carry no namespace labels).
pub(crate) fn lint_rendered(
    text: &str,
    settings: &Settings,
    active: &[ActiveRule],
) -> Vec<Finding> {
    let result = lint_file(
        0,
        "<compiled>",
        Ok(text.as_bytes().to_vec()),
        settings,
        active,
        &[],
    );
    finish(vec![result], 1, settings, active).findings
}

/// Lints one file; the KServe models in it are merged over its own serving runtimes and
/// those of `others` (other files' runtimes, once known), namespaced ones first.
fn lint_file(
    index: u32,
    name: &str,
    bytes: std::io::Result<Vec<u8>>,
    settings: &Settings,
    active: &[ActiveRule],
    others: &[&RuntimeDef],
) -> FileResult {
    let display: Arc<str> = Arc::from(name);
    let mut result = FileResult {
        pending: Vec::new(),
        findings: Vec::new(),
        facts: Facts::default(),
        suppressions: Vec::new(),
        objects: 0,
        display: display.clone(),
        text: None,
        runtimes: Vec::new(),
        needs: BTreeSet::new(),
        retry: None,
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            push_meta(
                &mut result.pending,
                &super::meta::UNREADABLE_FILE,
                settings,
                &display,
                0,
                Position::default(),
                format!("cannot read the file: {e}"),
                Some("check that the file exists and is readable".into()),
            );
            return result;
        }
    };
    let source = manifest::load_owned(&display, bytes, &settings.limits);
    for problem in &source.problems {
        let meta = super::meta::load_problem_rule(problem.kind);
        let pos = problem.span.map(position).unwrap_or_default();
        let help = match problem.kind {
            ProblemKind::DuplicateKey => {
                "remove one of the keys: kubectl keeps the last silently, strict servers reject the object"
            }
            ProblemKind::Parse if manifest::is_template(&source.text) => {
                "the file holds `{{ ... }}` template actions, which are not YAML until rendered: lint what it renders to, e.g. `helm template CHART | mlk lint -`"
            }
            ProblemKind::Parse if problem.message.contains("invalid indentation in") => {
                "close the quoted or flow value that starts here, or indent its lines past its key; the rest of this document, up to the next `---` line, was not checked"
            }
            ProblemKind::Parse => {
                "fix the YAML syntax; the rest of this document, up to the next `---` line, was not checked"
            }
            ProblemKind::NotUtf8 => "save the file as UTF-8",
            ProblemKind::TooLarge => "split the file, or raise the limit if the file is legitimate",
            ProblemKind::TooManyAliases => {
                "expand the aliases by hand; a file that multiplies nodes through aliases is an alias bomb"
            }
            ProblemKind::TooDeep => "flatten the document; no Kubernetes object nests this deep",
            ProblemKind::TooManyDocuments => "split the file",
            ProblemKind::InvalidMerge => {
                "merge a map, an alias of a map, or a list of them; the rest of this document was not checked"
            }
            ProblemKind::BadAlias => {
                "anchor the node earlier in the same document, outside what refers to it; the rest of this document was not checked"
            }
        };
        push_meta(
            &mut result.pending,
            meta,
            settings,
            &display,
            0,
            pos,
            problem.message.clone(),
            Some(help.into()),
        );
    }
    let own = if source.text.contains("ServingRuntime") {
        ServingRuntimes::of(&source.documents)
    } else {
        ServingRuntimes::default()
    };
    if others.is_empty() {
        result.runtimes = own.defs();
    }
    let runtimes = own.with(others);
    let mut defined = HashMap::new();
    let directory = super::facts::directory_of(&display);
    for doc in &source.documents {
        lint_document(
            index,
            &display,
            &directory,
            &source.text,
            doc,
            &runtimes,
            settings,
            active,
            &mut defined,
            &mut result,
        );
    }
    if others.is_empty() && !result.needs.is_empty() {
        result.retry = Some(Arc::from(source.text.as_str()));
    } else {
        result.needs.clear();
    }
    if settings.keep_sources && !result.pending.is_empty() {
        result.text = Some(
            result
                .retry
                .clone()
                .unwrap_or_else(|| Arc::from(source.text.as_str())),
        );
    }
    result
}

#[allow(clippy::too_many_arguments)]
fn push_meta(
    pending: &mut Vec<Pending>,
    meta: &'static RuleMeta,
    settings: &Settings,
    file: &Arc<str>,
    document: usize,
    position: Position,
    message: String,
    help: Option<Cow<'static, str>>,
) {
    let Configured::On(level) = settings.selection.level_of(meta) else {
        return;
    };
    pending.push(Pending {
        finding: Finding {
            rule: meta.name,
            category: meta.category,
            level,
            message,
            help,
            file: file.clone(),
            position,
            document,
            path: String::new(),
            object: None,
        },
        psa: None,
        key: None,
    });
}

/// What makes two objects of a file the same object of the API: the API group (not the
/// version), the kind, the namespace as written, and the name.
type Identity<'s> = (&'s str, &'s str, Option<&'s str>, &'s str);

/// The identity of an object that the API stores under its name: not one named by
/// `generateName`, nor one that a controller creates from a template in another object.
fn identity<'s>(object: &Object<'s>) -> Option<Identity<'s>> {
    if object.embedded.is_some() {
        return None;
    }
    Some((
        object.group()?,
        object.kind?,
        object.namespace,
        object.name.filter(|n| !n.is_empty())?,
    ))
}

#[allow(clippy::too_many_arguments)]
fn lint_document<'s>(
    file_index: u32,
    display: &Arc<str>,
    directory: &Arc<str>,
    text: &str,
    doc: &'s Document,
    runtimes: &ServingRuntimes<'_>,
    settings: &Settings,
    active: &[ActiveRule],
    defined: &mut HashMap<Identity<'s>, u32>,
    result: &mut FileResult,
) {
    let resolve = |a: &ActiveRule, entry: Entry, site: Option<&Arc<Site>>| -> Pending {
        let key = || site.map(|s| s.key.clone());
        let (pos, path, key) = match entry.target {
            Target::Path(p) => {
                let (span, _) = locate(&doc.root, &p);
                (position(span), p.to_string(), key())
            }
            Target::Span(p, span) => (position(span), p.to_string(), key()),
            Target::Located(loc) => (loc.position, loc.path, Some(loc.site.key.clone())),
        };
        Pending {
            finding: make_finding(
                a,
                entry.message,
                entry.help,
                display,
                doc.index,
                pos,
                path,
                site.map(|s| s.object.clone()),
            ),
            psa: entry.psa,
            key,
        }
    };
    let dcx = DocumentCx {
        file: display,
        text,
        document: doc,
        settings,
    };
    for a in active {
        let mut sink = Sink::default();
        a.rule.check_document(&dcx, &mut sink);
        for e in sink.take() {
            result.pending.push(resolve(a, e, None));
        }
    }
    let origin = Origin {
        file_index,
        file: display,
        directory,
        document: doc.index,
        root: &doc.root,
    };
    // Facts serve the cross-object rules, and Namespaces the Pod Security policies.
    let cross_object = active.iter().any(|a| a.rule.cross_object());
    for object in manifest::objects(doc) {
        result.objects += 1;
        let site = origin.site(&object);
        let templates = manifest::pod_templates(&object);
        if cross_object || object.kind == Some("Namespace") {
            result.facts.gather(&origin, &site, &object, &templates);
        }
        collect_suppressions(&origin, &site, &object, &mut result.suppressions);
        if let Some(problems) = super::compiled::check(&object, settings, active) {
            for p in problems {
                let (rule, level) = match p
                    .rule
                    .and_then(|r| active.iter().find(|a| a.rule.meta().name == r))
                {
                    Some(a) => (a.rule.meta(), p.level.unwrap_or(a.level)),
                    None => {
                        let meta = &super::meta::INVALID_MLK_RESOURCE;
                        let Configured::On(level) = settings.selection.level_of(meta) else {
                            continue;
                        };
                        (meta, level)
                    }
                };
                let (span, _) = locate(&doc.root, &p.path);
                result.pending.push(Pending {
                    finding: Finding {
                        rule: rule.name,
                        category: rule.category,
                        level,
                        message: p.message,
                        help: p.help,
                        file: display.clone(),
                        position: position(span),
                        document: doc.index,
                        path: p.path.to_string(),
                        object: Some(site.object.clone()),
                    },
                    psa: None,
                    key: Some(site.key.clone()),
                });
            }
            continue;
        }
        let first_definition = identity(&object).and_then(|id| {
            let line = object
                .node
                .get("metadata")
                .and_then(|m| m.get("name"))
                .map_or(object.node.span.line, |n| n.span.line);
            match defined.entry(id) {
                hash_map::Entry::Occupied(first) => Some(*first.get()),
                hash_map::Entry::Vacant(slot) => {
                    slot.insert(line);
                    None
                }
            }
        });
        let ocx = ObjectCx {
            file: display,
            text,
            object: &object,
            settings,
            first_definition,
        };
        for a in active {
            let mut sink = Sink::default();
            a.rule.check_object(&ocx, &mut sink);
            for e in sink.take() {
                result.pending.push(resolve(a, e, Some(&site)));
            }
        }
        for pod in templates {
            let base = object.path.join(&pod.path);
            let runtime = runtimes.container_for(&object, &pod);
            if let Some(need) = runtimes.need(&object, &pod) {
                result.needs.insert(need);
            }
            let pcx = PodCx::new(display, &object, &pod, settings, base, runtime);
            for a in active {
                let mut sink = Sink::default();
                a.rule.check_pod(&pcx, &mut sink);
                for e in sink.take() {
                    result.pending.push(resolve(a, e, Some(&site)));
                }
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn make_finding(
    a: &ActiveRule,
    message: String,
    help: Option<Cow<'static, str>>,
    file: &Arc<str>,
    document: usize,
    position: Position,
    path: String,
    object: Option<Arc<ObjectRef>>,
) -> Finding {
    let meta = a.rule.meta();
    Finding {
        rule: meta.name,
        category: meta.category,
        level: a.level,
        message,
        help,
        file: file.clone(),
        position,
        document,
        path,
        object,
    }
}

fn collect_suppressions(
    origin: &Origin<'_>,
    site: &Arc<Site>,
    object: &Object<'_>,
    out: &mut Vec<Suppression>,
) {
    let Some(annotations) = object
        .node
        .get("metadata")
        .and_then(|m| m.get("annotations"))
        .and_then(Node::as_map)
    else {
        return;
    };
    let base = object.path.key("metadata").key("annotations");
    for (k, v) in annotations {
        let Some(key) = k.as_str() else { continue };
        let Some(target) = key.strip_prefix(SUPPRESSION_PREFIX) else {
            continue;
        };
        let location = origin.locate(site, &base.key(key));
        out.push(Suppression {
            key: site.key.clone(),
            target: target.to_string(),
            reason: v.as_str().unwrap_or_default().to_string(),
            location,
            used: false,
        });
    }
}

fn suppression_findings(
    suppressions: &[Suppression],
    rules: &[&'static RuleMeta],
    settings: &Settings,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut emit =
        |meta: &'static RuleMeta, s: &Suppression, message: String, help: Cow<'static, str>| {
            if let Configured::On(level) = settings.selection.level_of(meta) {
                out.push(Finding {
                    rule: meta.name,
                    category: meta.category,
                    level,
                    message,
                    help: Some(help),
                    file: s.location.site.file.clone(),
                    position: s.location.position,
                    document: s.location.site.document,
                    path: s.location.path.clone(),
                    object: Some(s.location.site.object.clone()),
                });
            }
        };
    for s in suppressions {
        let known =
            rules.iter().any(|r| r.name == s.target) || Category::parse(&s.target).is_some();
        if !known {
            let names = rules
                .iter()
                .map(|r| r.name)
                .chain(Category::ALL.iter().map(|c| c.as_str()));
            let help = match crate::input::did_you_mean(&s.target, names) {
                Some(n) => format!("did you mean `{SUPPRESSION_PREFIX}{n}`?").into(),
                None => "name a rule (`mlk rule --all`) or a category".into(),
            };
            emit(
                &super::meta::UNUSED_SUPPRESSION,
                s,
                format!("suppression names unknown rule `{}`", s.target),
                help,
            );
            continue;
        }
        if s.reason.trim().is_empty() {
            emit(
                &super::meta::SUPPRESSION_WITHOUT_REASON,
                s,
                format!("suppression of `{}` gives no reason", s.target),
                "write why the finding does not apply as the annotation's value; without a reason the finding is still reported".into(),
            );
        } else if !s.used {
            emit(
                &super::meta::UNUSED_SUPPRESSION,
                s,
                format!("suppression of `{}` suppresses nothing", s.target),
                "remove the annotation; the rule no longer reports this object".into(),
            );
        }
    }
    out
}

/// Pod Security policies set by `pod-security.kubernetes.io/enforce` labels of Namespace
/// objects in the input.
fn namespace_policies(facts: &Facts) -> BTreeMap<String, PsaPolicy> {
    let mut out = BTreeMap::new();
    for ns in &facts.namespaces {
        let Some(level) = ns.labels.get("pod-security.kubernetes.io/enforce") else {
            continue;
        };
        let Ok(level) = level.parse::<PsaLevel>() else {
            continue;
        };
        let version = ns
            .labels
            .get("pod-security.kubernetes.io/enforce-version")
            .and_then(|v| v.parse::<Version>().ok())
            .unwrap_or(Version::NEWEST);
        out.insert(ns.name.clone(), PsaPolicy { level, version });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind the cross-object rules look at, with something each of them reports.
    const INPUT: &str = "\
apiVersion: v1
kind: Namespace
metadata: {name: team, labels: {pod-security.kubernetes.io/enforce: baseline}}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: q, namespace: team}
spec: {hard: {requests.cpu: 1}}
---
apiVersion: v1
kind: LimitRange
metadata: {name: l, namespace: team}
spec: {limits: [{type: Container, max: {cpu: 500m}}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: team, labels: {app.kubernetes.io/component: serving}}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: x:1, resources: {requests: {cpu: 2}}}]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web, namespace: team}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  maxReplicas: 3
  metrics: [{type: Resource, resource: {name: memory, target: {type: Utilization, averageUtilization: 80}}}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: team}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: a}
value: 1
globalDefault: true
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: b}
value: 2
globalDefault: true
";

    #[test]
    fn only_cross_object_rules_report_from_the_whole_input() {
        let rules = crate::rules::all();
        let settings = Settings::default();
        let active = active_rules(&rules, &settings);
        let result = lint_file(0, "input.yaml", Ok(INPUT.into()), &settings, &active, &[]);
        assert!(!result.facts.workloads.is_empty() && !result.facts.quotas.is_empty());
        let cx = InputCx {
            facts: &result.facts,
            settings: &settings,
        };
        let mut reporting = Vec::new();
        for rule in &rules {
            let mut sink = Sink::default();
            rule.check_input(&cx, &mut sink);
            if !sink.take().is_empty() {
                assert!(
                    rule.cross_object(),
                    "`{}` reports from the whole input but does not say it is cross-object",
                    rule.meta().name
                );
                reporting.push(rule.meta().name);
            }
        }
        assert!(reporting.len() >= 4, "{reporting:?}");
    }

    #[test]
    fn a_template_that_does_not_parse_is_named_as_one() {
        let rules = crate::rules::all();
        let settings = Settings::default();
        let help = |text: &str| {
            let report = lint_texts(&[("in.yaml", text)], &settings, &rules);
            let f = report.findings.iter().find(|f| f.rule == "parse-error");
            f.and_then(|f| f.help.clone()).unwrap_or_default()
        };
        let template = "kind: Pod\nmetadata:\n  labels:\n    {{- include \"labels\" . | nindent 4 }}\n  x: [\n";
        assert!(help(template).contains("helm template CHART | mlk lint -"));
        assert!(help("kind: Pod\nmetadata: [\n").starts_with("fix the YAML syntax"));
        assert!(help("kind: Pod\nmetadata: {{\n").starts_with("fix the YAML syntax"));
        // Continuation lines at the key's indentation are read, as kubectl reads them.
        assert_eq!(help("spec:\n  args: ['\n    echo\n  ']\n"), "");
        assert_eq!(help("spec:\n  args: [\n    a,\n  b]\n"), "");
        // A value never closed is the error.
        assert!(help("a: 'it''s\nb: 1\n").starts_with("close the quoted or flow value"));
    }

    #[test]
    fn facts_are_gathered_only_for_cross_object_rules() {
        let rules = crate::rules::all();
        let one = |name: &str| -> Vec<ActiveRule> {
            let settings = Settings {
                selection: super::super::settings::Selection {
                    select: vec![name.to_string()],
                    ..Default::default()
                },
                ..Settings::default()
            };
            active_rules(&rules, &settings)
        };
        let settings = Settings::default();
        let per_object = lint_file(
            0,
            "in.yaml",
            Ok(INPUT.into()),
            &settings,
            &one("unknown-field"),
            &[],
        );
        assert!(per_object.facts.workloads.is_empty() && per_object.facts.quotas.is_empty());
        assert_eq!(
            per_object.facts.namespaces.len(),
            1,
            "Namespaces set Pod Security policies"
        );
        let cross = lint_file(
            0,
            "in.yaml",
            Ok(INPUT.into()),
            &settings,
            &one("workload-exceeds-quota"),
            &[],
        );
        assert_eq!(cross.facts.workloads.len(), 1);
    }
}
