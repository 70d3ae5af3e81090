import Foundation

/// A parsed line of `forms.txt`.
struct ParsedForm {
    let form: DosageForm
    let line: ReferenceLine
}

/// A parsed line of `classes.txt`.
struct ParsedClass {
    let drugClass: DrugClass
    let line: ReferenceLine
}

/// A parsed line of `drugs.txt` or `combinations.txt`, with the extra names it is found by.
struct ParsedDrug {
    let drug: Drug
    let line: ReferenceLine
    let aliases: [String]
}

extension Formulary {
    static func parseForms(_ text: String) throws(ReferenceDataError) -> [ParsedForm] {
        var parsed: [ParsedForm] = []
        var seen: Set<String> = []
        for line in try ReferenceLine.records(in: text, file: FormularyFiles.formsFile, columns: 4) {
            let name = try line.required(0, "form name")
            guard seen.insert(ReferenceName.key(name)).inserted else {
                throw line.error("the form “\(name)” is listed twice.")
            }
            let units = line.list(1)
            let routes = line.list(2)
            if units.isEmpty { throw line.error("the form “\(name)” has no dose units.") }
            if routes.isEmpty { throw line.error("the form “\(name)” has no routes.") }
            let local: Bool
            switch line[3] {
            case "local": local = true
            case "systemic": local = false
            default: throw line.error("effect “\(line[3])” should be “systemic” or “local”.")
            }
            parsed.append(
                ParsedForm(form: DosageForm(name: name, units: units, routes: routes, actsLocally: local), line: line))
        }
        return parsed
    }

    static func parseClasses(_ text: String) throws(ReferenceDataError) -> [ParsedClass] {
        var parsed: [ParsedClass] = []
        var ids: Set<String> = []
        let lines = try ReferenceLine.records(in: text, file: FormularyFiles.classesFile, columns: 5)
        for line in lines {
            let id = try line.required(0, "class id")
            guard id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }),
                id.first?.isLetter == true || id.first?.isNumber == true
            else {
                throw line.error("class id “\(id)” should be lower case letters, digits and hyphens.")
            }
            guard ids.insert(id).inserted else { throw line.error("the class “\(id)” is listed twice.") }
            let prefixes = line.list(4, separator: " ")
            for prefix in prefixes where !ATCCode.isPrefix(prefix) {
                throw line.error("“\(prefix)” is not an ATC code or prefix.")
            }
            let drugClass = DrugClass(
                id: id, label: try line.required(1, "label"), synonyms: line.list(2),
                includes: line.list(3), atcPrefixes: prefixes)
            parsed.append(ParsedClass(drugClass: drugClass, line: line))
        }
        for entry in parsed {
            for included in entry.drugClass.includes where !ids.contains(included) {
                throw entry.line.error("includes the unknown class “\(included)”\(Self.nearest(included, in: ids)).")
            }
        }
        return parsed
    }

    static func parseDrugs(_ text: String, forms: [String: Int], classes: [String: Int]) throws(ReferenceDataError)
        -> [ParsedDrug]
    {
        var parsed: [ParsedDrug] = []
        for line in try ReferenceLine.records(in: text, file: FormularyFiles.drugsFile, columns: 6) {
            let name = try line.required(0, "drug name")
            let flags = try Self.flags(line, allowed: ["controlled", "ingredient"])
            let ingredientOnly = flags.contains("ingredient")
            let classIDs = line.list(2)
            if classIDs.isEmpty { throw line.error("\(name) has no class.") }
            for id in classIDs where classes[id] == nil {
                throw line.error("unknown class “\(id)”\(Self.nearest(id, in: Set(classes.keys))).")
            }
            let presentations = try Self.presentations(line, forms: forms)
            if presentations.isEmpty && !ingredientOnly {
                throw line.error("\(name) has no forms; mark it “ingredient” if it only comes in combinations.")
            }
            let drug = Drug(
                name: name, atcCodes: try Self.atcCodes(line, required: !ingredientOnly), classIDs: classIDs,
                presentations: presentations, synonyms: line.list(4), isControlled: flags.contains("controlled"),
                isIngredientOnly: ingredientOnly, ingredients: [name])
            parsed.append(ParsedDrug(drug: drug, line: line, aliases: []))
        }
        return parsed
    }

    static func parseCombinations(_ text: String, forms: [String: Int], singles: [String: Int], singleDrugs: [Drug])
        throws(ReferenceDataError) -> [ParsedDrug]
    {
        var parsed: [ParsedDrug] = []
        for line in try ReferenceLine.records(in: text, file: FormularyFiles.combinationsFile, columns: 6) {
            let name = try line.required(0, "product name")
            let parts = line[2].components(separatedBy: " + ").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 2, !parts.contains(where: \.isEmpty) else {
                throw line.error("ingredients should be two or more drugs joined by “ + ”.")
            }
            var ingredients: [String] = []
            for part in parts {
                guard let index = singles[ReferenceName.key(part)] else {
                    throw line.error("unknown ingredient “\(part)”; add it to drugs.txt first.")
                }
                ingredients.append(singleDrugs[index].name)
            }
            if Set(ingredients).count != ingredients.count { throw line.error("an ingredient is listed twice.") }
            let presentations = try Self.presentations(line, forms: forms)
            if presentations.isEmpty { throw line.error("\(name) has no forms.") }
            let drug = Drug(
                name: name, atcCodes: try Self.atcCodes(line, required: true), classIDs: [],
                presentations: presentations, synonyms: line.list(4),
                isControlled: try Self.flags(line, allowed: ["controlled"]).contains("controlled"),
                isIngredientOnly: false, ingredients: ingredients)
            var aliases = [ingredients.joined(separator: " + ")]
            if ingredients.count == 2 { aliases.append(ingredients.reversed().joined(separator: " + ")) }
            parsed.append(ParsedDrug(drug: drug, line: line, aliases: aliases))
        }
        return parsed
    }

    /// `capsule: 250 mg, 500 mg; oral suspension: 125 mg/5 mL` in column 3.
    private static func presentations(_ line: ReferenceLine, forms: [String: Int]) throws(ReferenceDataError) -> [Drug
        .Presentation]
    {
        var result: [Drug.Presentation] = []
        for group in line.list(3, separator: ";") {
            let pieces = group.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let form = pieces[0]
            guard forms[ReferenceName.key(form)] != nil else {
                throw line.error(
                    "unknown form “\(form)”\(Self.nearest(form, in: Set(forms.keys))); add it to forms.txt.")
            }
            if result.contains(where: { ReferenceName.key($0.form) == ReferenceName.key(form) }) {
                throw line.error("the form “\(form)” is listed twice.")
            }
            let strengths =
                pieces.count > 1
                ? pieces[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                : []
            for strength in strengths {
                if let problem = NumberStyle.problems(in: strength).first {
                    throw line.error("strength “\(strength)”: \(problem.description).")
                }
            }
            result.append(Drug.Presentation(form: form, strengths: strengths))
        }
        return result
    }

    private static func atcCodes(_ line: ReferenceLine, required: Bool) throws(ReferenceDataError) -> [String] {
        let codes = line.list(1, separator: " ")
        if codes.isEmpty && required { throw line.error("the ATC code is missing.") }
        for code in codes where !ATCCode.isCode(code) {
            throw line.error("“\(code)” is not an ATC code (like J01CA04, or a group like N02AJ).")
        }
        return codes
    }

    private static func flags(_ line: ReferenceLine, allowed: Set<String>) throws(ReferenceDataError) -> Set<String> {
        let flags = Set(line.list(5))
        for flag in flags where !allowed.contains(flag) {
            throw line.error("unknown flag “\(flag)”; use \(allowed.sorted().joined(separator: " or ")).")
        }
        return flags
    }

    /// `" (did you mean penicillins?)"` when a known name is one or two letters away.
    static func nearest(_ name: String, in known: Set<String>) -> String {
        let target = Array(name.utf8)
        let best = known.map { ($0, EditDistance.between(target, Array($0.utf8), limit: 2)) }
            .filter { $0.1 <= 2 }.min { ($0.1, $0.0) < ($1.1, $1.0) }
        return best.map { " (did you mean \($0.0)?)" } ?? ""
    }
}

/// WHO ATC code shapes.
enum ATCCode {
    /// A full code (J01CA04) or a level-4 group (N02AJ).
    static func isCode(_ text: String) -> Bool {
        (text.count == 7 || text.count == 5) && isPrefix(text)
    }

    /// Any leading part of a code: J, J01, J01C, J01CA, J01CA04.
    static func isPrefix(_ text: String) -> Bool {
        let characters = Array(text)
        let pattern: [(Character) -> Bool] = [
            \.isUppercase, \.isNumber, \.isNumber, \.isUppercase, \.isUppercase, \.isNumber, \.isNumber,
        ]
        guard [1, 3, 4, 5, 7].contains(characters.count) else { return false }
        return zip(characters, pattern).allSatisfy { character, test in character.isASCII && test(character) }
    }
}
