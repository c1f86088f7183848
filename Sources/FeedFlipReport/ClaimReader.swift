import Foundation

/// Validates a parsed claims file field by field, naming the claim and field in every error.
struct ClaimReader {
    let file: String
    let variants: [String]?

    static let topFields = ["format", "defaultTolerance", "claims"]
    static let claimFields = ["id", "statement", "source", "interpretation", "metric", "reference",
                              "tolerance", "expect", "reason"]
    static let referenceKinds = ["point", "range", "atMost", "atLeast", "below", "above", "exact",
                                 "unstable", "tbd"]
    static let format = "feedflip-claims/1"

    init(file: String, variants: [String]?) {
        self.file = file
        self.variants = variants
    }

    private func fail(_ place: String, _ problem: String, _ fix: String) -> ReportError {
        .invalidClaims(file: file, place: place, problem: problem, fix: fix)
    }

    mutating func read(_ root: JSONValue) throws(ReportError) -> ClaimSet {
        guard case let .object(top) = root else {
            throw fail("top level", "expected an object with \"format\" and \"claims\" but found \(root.kindName)",
                       "wrap the claims in {\"format\": \"\(Self.format)\", \"claims\": [...]}")
        }
        try checkFields(top, allowed: Self.topFields, place: "top level")
        guard case let .string(format)? = top["format"], format == Self.format else {
            throw fail("field \"format\"", "expected \"\(Self.format)\"",
                       "set \"format\": \"\(Self.format)\"")
        }
        var defaultTolerance = Tolerance.paperDefault
        if let t = top["defaultTolerance"] {
            defaultTolerance = try tolerance(t, place: "field \"defaultTolerance\"")
        }
        guard case let .array(items)? = top["claims"] else {
            throw fail("field \"claims\"", "expected an array of claims", "add \"claims\": [ ... ]")
        }
        var claims: [Claim] = []
        var seen = Set<String>()
        for (index, item) in items.enumerated() {
            let claim = try self.claim(item, index: index, defaultTolerance: defaultTolerance)
            guard seen.insert(claim.id).inserted else {
                throw fail("claims[\(index)]", "duplicate claim id \"\(claim.id)\"", "give every claim its own id")
            }
            claims.append(claim)
        }
        return ClaimSet(claims: claims, defaultTolerance: defaultTolerance)
    }

    private func checkFields(_ object: [String: JSONValue], allowed: [String], place: String) throws(ReportError) {
        for key in object.keys.sorted() where !allowed.contains(key) {
            throw fail(place, "unknown field \"\(key)\"; known: " + allowed.joined(separator: ", "),
                       "remove or rename the field")
        }
    }

    private func string(_ object: [String: JSONValue], _ field: String, place: String) throws(ReportError) -> String {
        guard let value = object[field] else {
            throw fail(place, "missing field \"\(field)\" (a non-empty string)", "add \"\(field)\": \"...\"")
        }
        guard case let .string(s) = value, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw fail("\(place) field \"\(field)\"", "expected a non-empty string but found \(value.kindName)",
                       "write the \(field) as text")
        }
        return s
    }

    private func number(_ value: JSONValue, place: String) throws(ReportError) -> Double {
        guard case let .number(d) = value, d.isFinite else {
            throw fail(place, "expected a number but found \(value.kindName)", "write a plain JSON number")
        }
        return d
    }

    private func tolerance(_ value: JSONValue, place: String) throws(ReportError) -> Tolerance {
        guard case let .object(o) = value else {
            throw fail(place, "expected {\"absolute\": a, \"relative\": r} but found \(value.kindName)",
                       "write the tolerance as an object")
        }
        try checkFields(o, allowed: ["absolute", "relative"], place: place)
        let a = try o["absolute"].map { v throws(ReportError) in try number(v, place: "\(place).absolute") } ?? 0
        let r = try o["relative"].map { v throws(ReportError) in try number(v, place: "\(place).relative") } ?? 0
        guard a >= 0, r >= 0 else {
            throw fail(place, "tolerances must not be negative (absolute \(NumberFormat.plain(a)), "
                       + "relative \(NumberFormat.plain(r)))", "use values ≥ 0")
        }
        return Tolerance(absolute: a, relative: r)
    }

    private func claim(_ item: JSONValue, index: Int, defaultTolerance: Tolerance) throws(ReportError) -> Claim {
        guard case let .object(o) = item else {
            throw fail("claims[\(index)]", "expected a claim object but found \(item.kindName)",
                       "write each claim as {\"id\": ..., \"metric\": ..., ...}")
        }
        let id = try string(o, "id", place: "claims[\(index)]")
        let place = "claim \"\(id)\""
        try checkFields(o, allowed: Self.claimFields, place: place)
        let statement = try string(o, "statement", place: place)
        let source = try string(o, "source", place: place)
        let interpretation = try string(o, "interpretation", place: place)
        let metric = try string(o, "metric", place: place)
        let key: MetricKey
        do { key = try MetricKey.parse(metric, variants: variants) } catch {
            throw .unknownMetric(file: file, place: place, problem: error.message)
        }
        guard let refValue = o["reference"] else {
            throw fail(place, "missing field \"reference\"; expected one of "
                       + Self.referenceKinds.joined(separator: ", "), "add \"reference\": {\"point\": ...}")
        }
        let reference = try self.reference(refValue, place: "\(place) field \"reference\"")
        try checkMetric(key, for: reference, place: place)
        var tolerance = defaultTolerance
        var own = false
        if let t = o["tolerance"] {
            tolerance = try self.tolerance(t, place: "\(place) field \"tolerance\"")
            own = true
        } else if case .below = reference {
            tolerance = .zero
        } else if case .above = reference {
            tolerance = .zero
        }
        var expectation: Expectation? = nil
        if let e = o["expect"] {
            guard case .string("deviation") = e else {
                throw fail("\(place) field \"expect\"", "expected \"deviation\" but found \(e.kindName == "a string" ? "another string" : e.kindName)",
                           "write \"expect\": \"deviation\" or remove the field")
            }
            guard o["reason"] != nil else {
                throw fail(place, "\"expect\": \"deviation\" needs a \"reason\"",
                           "add \"reason\": \"why the deviation is expected\"")
            }
            expectation = .deviation(reason: try string(o, "reason", place: place))
        } else if o["reason"] != nil {
            throw fail(place, "\"reason\" without \"expect\": \"deviation\"",
                       "add \"expect\": \"deviation\" or remove \"reason\"")
        }
        return Claim(id: id, statement: statement, source: source, interpretation: interpretation,
                     metric: key.description, reference: reference, tolerance: tolerance,
                     toleranceIsOwn: own, expectation: expectation)
    }

    private func checkMetric(_ key: MetricKey, for reference: Reference, place: String) throws(ReportError) {
        switch reference {
        case .unstable:
            let families = ["ts.seed_spread", "ts.diverged", "ts.grid_mse"]
            guard families.contains(key.family) else {
                throw fail("\(place) field \"metric\"", "an \"unstable\" claim needs a metric of "
                           + families.joined(separator: ", ") + " but found \"\(key.family)\"",
                           "name the variant as in \"ts.seed_spread[+Momentum]\"")
            }
        case let .below(other), let .above(other):
            do { _ = try MetricKey.parse(other, variants: variants) } catch {
                throw .unknownMetric(file: file, place: "\(place) field \"reference\"", problem: error.message)
            }
        default:
            break
        }
    }

    private func reference(_ value: JSONValue, place: String) throws(ReportError) -> Reference {
        let kinds = Self.referenceKinds.joined(separator: ", ")
        switch value {
        case .string("unstable"): return .unstable
        case .string("tbd"): return .notApplicable(reason: "the paper reports no number (TBD)")
        case .object(let o):
            guard let kind = o.keys.sorted().first(where: { Self.referenceKinds.contains($0) }) else {
                throw fail(place, "expected one of \(kinds) but found keys "
                           + o.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", "),
                           "write e.g. {\"point\": 30} or {\"range\": [5, 10]}")
            }
            let allowed = kind == "exact" ? ["exact", "relativeTolerance"] : [kind]
            try checkFields(o, allowed: allowed, place: place)
            let v = o[kind] ?? .null
            switch kind {
            case "point": return .point(try number(v, place: "\(place).point"))
            case "atMost": return .atMost(try number(v, place: "\(place).atMost"))
            case "atLeast": return .atLeast(try number(v, place: "\(place).atLeast"))
            case "range":
                guard case let .array(ends) = v, ends.count == 2 else {
                    throw fail("\(place).range", "expected [low, high] but found \(v.kindName)", "write two numbers")
                }
                let a = try number(ends[0], place: "\(place).range[0]")
                let b = try number(ends[1], place: "\(place).range[1]")
                guard a <= b else {
                    throw fail("\(place).range", "low end \(NumberFormat.plain(a)) exceeds high end \(NumberFormat.plain(b))",
                               "write the range as [low, high]")
                }
                return .range(a, b)
            case "below", "above":
                guard case let .string(m) = v else {
                    throw fail("\(place).\(kind)", "expected a metric key but found \(v.kindName)",
                               "write e.g. {\"\(kind)\": \"tiny.bigram_bpc\"}")
                }
                return kind == "below" ? .below(metric: m) : .above(metric: m)
            case "exact":
                let r = try number(v, place: "\(place).exact")
                guard let t = o["relativeTolerance"] else {
                    throw fail(place, "an exact reference needs \"relativeTolerance\"",
                               "add \"relativeTolerance\": 1e-9")
                }
                return .exact(r, relativeTolerance: try number(t, place: "\(place).relativeTolerance"))
            case "tbd":
                guard case let .string(reason) = v else {
                    throw fail("\(place).tbd", "expected the reason as a string", "write {\"tbd\": \"why\"}")
                }
                return .notApplicable(reason: reason)
            default:
                throw fail(place, "\"\(kind)\" takes no value object", "write \"\(kind)\" as a plain string")
            }
        default:
            throw fail(place, "expected one of \(kinds) but found \(value.kindName)",
                       "write e.g. {\"point\": 30}, \"unstable\" or \"tbd\"")
        }
    }
}
