import Foundation
import Hummingbird
import MierukaCore
import MierukaViews
import MierukaStore

/// GET/POST /login and POST /logout. The login form carries its own CSRF token (a cookie and a hidden field that must match).
struct LoginController {
    let login: LoginService
    static let preLoginCookie = "mieruka_login_csrf"

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/login") { request, context in try await self.form(request, context: context, error: nil) }
        router.post("/login") { request, context in try await self.submit(request, context: context) }
        router.post("/logout") { request, context in try await self.logout(request, context: context) }
    }

    func form(_ request: Request, context: AppRequestContext, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = Language.of(request)
        let ja = language == .ja
        let csrf = Secrets.randomToken(bytes: 16)
        var body = "<h1>\(ja ? "ログイン" : "Log in")</h1>"
        if let error { body += "<p class=\"error\">\(HTML.escape(error))</p>" }
        body += """
            <form class="login" method="post" action="/login">
            <input type="hidden" name="csrf" value="\(csrf)">
            <label>\(ja ? "ログインID" : "Login") <input name="login" autocomplete="username" required></label>
            <label>\(ja ? "パスワード" : "Password") <input name="password" type="password" autocomplete="current-password" required></label>
            <button>\(ja ? "ログイン" : "Log in")</button></form>
            """
        var response = Response.html(Page.render(title: ja ? "ログイン" : "Log in", language: language, viewer: nil, csrf: nil, body: body), status: status)
        response.setCookie(Cookie(name: Self.preLoginCookie, value: csrf, path: "/login", secure: request.isSecure, httpOnly: true, sameSite: .lax))
        return response
    }

    func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await request.form()
        let ja = Language.of(request) == .ja
        guard let sent = form["csrf"], let expected = request.cookies[Self.preLoginCookie]?.value, Secrets.equal(sent, expected) else {
            return try await self.form(request, context: context, error: ja ? "フォームの有効期限が切れました。もう一度ログインしてください。" : "The form expired; please log in again.", status: .forbidden)
        }
        switch try await login.login(form["login"] ?? "", password: form["password"] ?? "") {
        case .success(let token, _, _):
            var response = Response.redirect(to: "/")
            response.setCookie(Cookie(name: AuthenticationMiddleware.sessionCookie, value: token, maxAge: Int(login.sessionLifetime), path: "/",
                                      secure: request.isSecure, httpOnly: true, sameSite: .lax))
            return response
        case .invalid:
            return try await self.form(request, context: context, error: ja ? "ログインIDかパスワードが違います。" : "Wrong login or password.", status: .unauthorized)
        case .throttled:
            return try await self.form(request, context: context, error: ja ? "失敗が続いたため一時的にロックしました。15分後にもう一度お試しください。" : "Too many failed attempts; try again in 15 minutes.", status: .tooManyRequests)
        }
    }

    func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await request.form()
        guard context.session != nil, let hash = context.sessionTokenHash else { return .redirect(to: "/login") }
        try context.checkCSRF(form["csrf"])
        try await login.store.deleteSession(tokenHash: hash)
        var response = Response.redirect(to: "/login")
        response.setCookie(Cookie(name: AuthenticationMiddleware.sessionCookie, value: "", maxAge: 0, path: "/", secure: request.isSecure, httpOnly: true, sameSite: .lax))
        return response
    }
}
