import ArgumentParser
import LVScope
import LVSReport

/// `lvscope rules`: the rule catalogue (DESIGN.md §4: exit 0).
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules lvscope checks: id, category, severity, title, rationale, remediation.",
        discussion: """
            text: one block per rule. markdown: the table and sections of Reports/rules.md. \
            json: {"schema": "lvscope.rules.v1", "generator", "rules": [{"id", "category", \
            "severity", "title", "rationale", "remediation"}]}. Findings name the rule by id; \
            categories are DESIGN.md §4's fixed vocabulary.
            """
    )

    @Option(help: "Output format: text, markdown or json.")
    var format: RuleCatalogFormat = .text

    func run() throws {
        let sink = OutputSink()
        try sink.write(RuleCatalogReport(generator: LVScopeVersion.generator).rendered(format))
        try sink.commit()
    }
}

extension RuleCatalogFormat: ExpressibleByArgument {}
