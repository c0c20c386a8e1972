//! The parts of ResourceQuota and LimitRange objects the `quota` rules read.
use crate::lint::ObjectCx;
use crate::manifest::{Node, Path};

/// The string-keyed entries of a core ResourceQuota's `spec.hard`, with the path of the
/// map.
pub fn quota_hard<'a>(cx: &ObjectCx<'a>) -> Option<(Vec<(&'a str, &'a Node)>, Path)> {
    let object = cx.object;
    if object.group() != Some("") || object.kind != Some("ResourceQuota") {
        return None;
    }
    let hard = object.node.get("spec")?.get("hard")?.as_map()?;
    let entries = hard
        .iter()
        .filter_map(|(k, v)| Some((k.as_str()?, v)))
        .collect();
    Some((entries, cx.path(&["spec", "hard"])))
}

/// The items of a core LimitRange's `spec.limits` that are maps, with their paths.
pub fn limit_items<'a>(cx: &ObjectCx<'a>) -> Vec<(&'a Node, Path)> {
    let object = cx.object;
    if object.group() != Some("") || object.kind != Some("LimitRange") {
        return Vec::new();
    }
    let base = cx.path(&["spec", "limits"]);
    object
        .node
        .get("spec")
        .and_then(|s| s.get("limits"))
        .and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter(|(_, item)| item.as_map().is_some())
        .map(|(i, item)| (item, base.index(i)))
        .collect()
}

/// The `type` of a LimitRange item.
pub fn item_type(item: &Node) -> Option<&str> {
    item.get("type").and_then(Node::as_str)
}

/// The string-keyed entries of one resource list of a LimitRange item (`max`, `default`).
pub fn item_list<'a>(item: &'a Node, field: &str) -> Vec<(&'a str, &'a Node)> {
    item.get(field)
        .and_then(Node::as_map)
        .unwrap_or_default()
        .iter()
        .filter_map(|(k, v)| Some((k.as_str()?, v)))
        .collect()
}

/// The resource lists of a LimitRange item, in the order upstream validates them.
pub const ITEM_LISTS: [&str; 5] = [
    "max",
    "min",
    "default",
    "defaultRequest",
    "maxLimitRequestRatio",
];
