extension Validator {
    mutating func validateObject(_ object: JSONObject) {
        let s = schema
        if let min = s.minProperties, object.count < min { add(.minProperties(got: object.count, want: min)) }
        if let max = s.maxProperties, object.count > max { add(.maxProperties(got: object.count, want: max)) }
        if !s.required.isEmpty {
            let missing = s.required.filter { object[$0] == nil }
            if !missing.isEmpty { add(.required(missing)) }
        }
        for (name, dependency) in s.dependencies where object[name] != nil {
            switch dependency {
            case .required(let names):
                let missing = names.filter { object[$0] == nil }
                if !missing.isEmpty { add(.dependency(property: name, missing: missing)) }
            case .schema(let sub):
                add(validateSelf(sub))
            }
        }
        var additional: [String] = []
        for (name, member) in object.members {
            var evaluated = false
            if let sub = s.propertyIndex[name] {
                evaluated = true
                add(validateMember(member, sub, token: name))
            }
            for (pattern, sub) in s.patternProperties where pattern.matches(name) {
                evaluated = true
                add(validateMember(member, sub, token: name))
            }
            if !evaluated, let rule = s.additionalProperties {
                evaluated = true
                switch rule {
                case .allowed(let allowed): if !allowed { additional.append(name) }
                case .schema(let sub): add(validateMember(member, sub, token: name))
                }
            }
            if evaluated { unevaluated.properties.remove(name) }
        }
        if !additional.isEmpty { add(.additionalProperties(additional)) }
        if s.draft == .draft4 { return }
        if let names = s.propertyNames {
            for name in object.keys {
                // Checked as a value of its own: its violations sit at the empty location.
                guard let error = Validator.validate(.string(name), against: names) else { continue }
                let causes: [SchemaViolation]
                if case .group = error.kind { causes = error.causes } else { causes = [error] }
                errors.append(SchemaViolation(location: [], kind: .propertyName(name), causes: causes))
            }
        }
        if s.draft == .draft6 { return }
        for (name, sub) in s.dependentSchemas where object[name] != nil {
            add(validateSelf(sub))
        }
        for (name, names) in s.dependentRequired where object[name] != nil {
            let missing = names.filter { object[$0] == nil }
            if !missing.isEmpty { add(.dependentRequired(property: name, missing: missing)) }
        }
    }

    mutating func validateUnevaluated() {
        if case .object(let object) = value, let sub = schema.unevaluatedProperties {
            for (name, member) in object.members where unevaluated.properties.contains(name) {
                add(validateMember(member, sub, token: name))
            }
            unevaluated.properties = []
        }
        if case .array(let items) = value, let sub = schema.unevaluatedItems {
            for i in unevaluated.items.sorted() {
                add(validateMember(items[i], sub, token: String(i)))
            }
            unevaluated.items = []
        }
    }
}
