import Plot
import Domain

/// A page of control (documents, decisions, tasks): the view decides its title, breadcrumbs and body.
public struct ControlPage {
    public var title: String
    public var crumbs: [Crumb]
    public var body: Node<HTML.BodyContext>
    public init(title: String, crumbs: [Crumb], body: Node<HTML.BodyContext>) { self.title = title; self.crumbs = crumbs; self.body = body }
}
