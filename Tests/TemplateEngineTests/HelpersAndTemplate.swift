@testable import TemplateEngine

extension TemplateSet {
    /// A set of `helpers` (as `_helpers.tpl`) and one template `text` (as `t.yaml`), as the range tests build it.
    static func helpersAndTemplate(_ helpers: String, _ text: String) throws -> TemplateSet {
        let set = TemplateSet()
        try set.parse(name: "_helpers.tpl", text: helpers)
        try set.parse(name: "t.yaml", text: text)
        return set
    }
}
