/// The folded form of a drug, class or sig name used to look it up: lower case, without
/// diacritics, punctuation turned into single spaces (`"Co-Amoxiclav"` → `"co amoxiclav"`).
enum ReferenceName {
    static func key(_ text: String) -> String {
        SearchKey.normalize(text)
    }
}
