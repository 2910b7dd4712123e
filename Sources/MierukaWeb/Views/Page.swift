import MierukaCore
import MierukaViews

/// The frame every page shares: language, title, header with the user and logout form, inline CSS only.
enum Page {
    static func render(title: String, language: Language, viewer: Viewer?, csrf: String?, body: String) -> String {
        let ja = language == .ja
        var header = "<header><strong>Mieruka 見える化</strong>"
        if let viewer, let csrf {
            header += " <span class=\"who\">\(HTML.escape(viewer.login)) (\(HTML.escape(ja ? viewer.role.ja : viewer.role.rawValue)))</span>"
            header += "<form method=\"post\" action=\"/logout\" class=\"inline\"><input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
            header += "<button>\(ja ? "ログアウト" : "Log out")</button></form>"
        }
        header += " <a href=\"?lang=\(ja ? "en" : "ja")\">\(ja ? "English" : "日本語")</a></header>"
        return """
            <!doctype html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title)) — Mieruka</title>
            <style>\(css)</style></head>
            <body>\(header)<main>\(body)</main></body></html>
            """
    }

    static let css = """
        body{font-family:system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;margin:0;color:#111;background:#fff;font-size:18px}
        header{display:flex;gap:1em;align-items:center;padding:.5em 1em;background:#123;color:#fff}header a{color:#9cf}
        main{padding:1em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25em .5em}td.n{text-align:right}
        .inline{display:inline}.scroll{overflow-x:auto}table.preview td{white-space:nowrap;font-size:.8em}.error{color:#a00;font-weight:bold}form.login{max-width:24em}form.login label{display:block;margin:.5em 0}
        """
}
