package templates

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

func TestEscape(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Lead the EMEA launch", "Lead the EMEA launch"},
		{"a mention", "Paired with @sam-lee on it", "Paired with @&#8203;sam-lee on it"},
		{"a team mention", "@acme/product-leads", "@&#8203;acme/product-leads"},
		{"in brackets", "(@alice)", "(@&#8203;alice)"},
		{"an email is not a mention", "alice@example.com", "alice@example.com"},
		{"a lone @", "meet @ 10", "meet @ 10"},
		{"raw HTML", `<img src=x onerror=alert(1)>`, `&lt;img src=x onerror=alert(1)>`},
		{"a closing tag", "</details>", "&lt;/details>"},
		{"an entity", "&#64;alice &lt;b&gt;", "&amp;#&#8203;64;alice &amp;lt;b&amp;gt;"},
		{"an ampersand", "R&D", "R&D"},
		{"a table cell", "a | b", `a \| b`},
		{"a heading from a newline", "done\n# Fired", "done # Fired"},
		{"a table row from a newline", "x |\n| --- |", `x \| \| --- \|`},
		{"CRLF", "one\r\ntwo\rthree", "one two three"},
		{"a backtick", "use `coach`", "use \\`coach\\`"},
		{"a backslash before punctuation", `x\|y`, `x\\\|y`},
		{"a backslash before a letter", `C:\new`, `C:\new`},
		{"control characters are shown, not sent", "a\x1b]52;c;aGk=\x07b\u009b\u202ec\x7f", `a\x1b]52;c;aGk=\x07b\u009b\u202ec\x7f`},
		{"a tab is kept", "a\tb", "a\tb"},
		{"text outside ASCII is kept", "Élodie 日本 \u2019", "Élodie 日本 \u2019"},
		{"bytes that are not UTF-8", "a\xffb", `a\xffb`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Escape(tt.in)); diff != "" {
				t.Error(diff)
			}
		})
	}
}

// Issue 21: links, images, bare URLs and #N references passed into the PR
// comment. None of them links now, and each reads as written.
func TestEscapeLinksImagesURLsAndReferences(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a link", "[the doc](https://evil.example/x)", `\[the doc](https&#8203;://evil.example/x)`},
		{"an image", "![pixel](https://evil.example/p.png)", `!\[pixel](https&#8203;://evil.example/p.png)`},
		{"a reference link", "[click][1]", `\[click]\[1]`},
		{"a footnote", "done[^1]", `done\[^1]`},
		{"a bare URL", "see http://evil.example now", "see http&#8203;://evil.example now"},
		{"an upper-case scheme", "HTTPS://evil.example", "HTTPS&#8203;://evil.example"},
		{"a www link", "www.evil.example", "www&#8203;.evil.example"},
		{"a www link after a word is text", "awww.yes", "awww.yes"},
		{"an issue reference", "fixed #123", "fixed #&#8203;123"},
		{"a reference in another repository", "acme/app#7", "acme/app#&#8203;7"},
		{"a GH- reference", "see GH-42 and gh-7", "see GH&#8203;-42 and gh&#8203;-7"},
		{"a hash that is not a reference", "C# and #hashtag", "C# and #hashtag"},
		{"a colon that is not a URL", "ratio 3:1, note: x", "ratio 3:1, note: x"},
		{"every kind at once", "[a](b) #1 www.x http://y", `\[a](b) #&#8203;1 www&#8203;.x http&#8203;://y`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Escape(tt.in)); diff != "" {
				t.Error(diff)
			}
		})
	}
}

// Every action of every template is escaped, the repository's included;
// what a template writes itself is not, and cell and printf do not escape
// twice.
func TestRenderEscapes(t *testing.T) {
	repo := fstest.MapFS{"x.md.tmpl": {Data: []byte(
		"# {{.Name}}\n| {{cell .Name}} |\n{{printf \"%s: %d\\n\" .Name 3}}{{range .List}}- {{.}}\n{{end}}{{$n := .Name}}{{$n | lower}}\n")}}
	s, err := Load(repo)
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.Render("x.md.tmpl", map[string]any{"Name": "A|B\n@cto <b>", "List": []string{"@x", "y\n# z"}})
	if err != nil {
		t.Fatal(err)
	}
	want := "# A\\|B @&#8203;cto &lt;b>\n| A\\|B @&#8203;cto &lt;b> |\nA\\|B @&#8203;cto &lt;b>: 3\n- @&#8203;x\n- y # z\na\\|b @&#8203;cto &lt;b>\n"
	if diff := cmp.Diff(want, string(out)); diff != "" {
		t.Error(diff)
	}
}

// asWritten is text from a Markdown file, like plans.Markdown.
type asWritten string

func (a asWritten) Markdown() string { return string(a) }

// Text from a Markdown file (an agenda's own action item) is printed as it
// was written, so that carrying it from week to week does not escape it
// again each time.
func TestRenderMarkdownAsWritten(t *testing.T) {
	s, err := Load(fstest.MapFS{"x.md.tmpl": {Data: []byte("- [ ] {{.}}\n")}})
	if err != nil {
		t.Fatal(err)
	}
	item := asWritten("ask @sam about `coach diff` \\| <br> &#64;")
	out, err := s.Render("x.md.tmpl", item)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("- [ ] "+string(item)+"\n", string(out)); diff != "" {
		t.Error(diff)
	}
}

// A repository's template comes with a pull request: it cannot take
// unbounded time or memory, and the problem names its file and line.
func TestRenderLimits(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"a loop over a number", "ok\n\n{{range 3000000000}}{{end}}",
			"templates/x.md.tmpl:3: the template took more than 10000 steps (loop iterations and template calls) in the loop on this line, over coach's limit; " +
				"a template loops over the data it is given: range over a list of the data, not a number, and call a template from itself only on a smaller part"},
		{"nested loops", "{{range 200}}\n{{range 200}}{{end}}{{end}}",
			"templates/x.md.tmpl:2: the template took more than 10000 steps (loop iterations and template calls) in the loop on this line, over coach's limit; " +
				"a template loops over the data it is given: range over a list of the data, not a number, and call a template from itself only on a smaller part"},
		{"recursion that doubles", "{{define \"r\"}}{{if lt (len .) 40}}{{template \"r\" (printf \"%sx\" .)}}{{template \"r\" (printf \"%sx\" .)}}{{end}}{{end}}{{template \"r\" \"\"}}",
			"templates/x.md.tmpl:1: the template took more than 10000 steps (loop iterations and template calls) in this template, over coach's limit; " +
				"a template loops over the data it is given: range over a list of the data, not a number, and call a template from itself only on a smaller part"},
		{"output", "line one\n{{range 100000}}{{printf \"%0999d\" 0}}{{end}}",
			"templates/x.md.tmpl:2: the output passed 8 MiB in the loop on this line, over coach's limit; " +
				"a template loops over the data it is given: range over a list of the data, not a number, and call a template from itself only on a smaller part"},
		{"a wide printf", "\n{{printf \"%0999999999d\" 1}}",
			`templates/x.md.tmpl:2:2: template error: executing "x.md.tmpl" at <printf "%0999999999d" 1>: error calling printf: printf width 999999999 is over coach's limit of 1000; fix the template, or delete it to use the built-in one`},
		{"a width from an argument", "{{printf \"%*d\" 999999999 1}}",
			`templates/x.md.tmpl:1:2: template error: executing "x.md.tmpl" at <printf "%*d" 999999999 1>: error calling printf: printf takes no width from an argument (%*), by coach's limit; fix the template, or delete it to use the built-in one`},
		{"an indexed width from an argument", "{{printf \"%[1]*d\" 999999999 1}}",
			`templates/x.md.tmpl:1:2: template error: executing "x.md.tmpl" at <printf "%[1]*d" 999999999 1>: error calling printf: printf takes no width from an argument (%*), by coach's limit; fix the template, or delete it to use the built-in one`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Load(fstest.MapFS{"x.md.tmpl": {Data: []byte(tt.src)}})
			if err != nil {
				t.Fatal(err)
			}
			s.testHookMaxSteps = 10_000 // the same code, faster
			_, err = s.Render("x.md.tmpl", nil)
			var pe *skills.ProblemsError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a ProblemsError", err)
			}
			if diff := cmp.Diff(tt.want, pe.Problems[0].String()); diff != "" {
				t.Error(diff)
			}
		})
	}
}

func TestTemplateSize(t *testing.T) {
	_, err := Load(fstest.MapFS{"x.md.tmpl": {Data: []byte(strings.Repeat("x", skills.MaxTemplateSize+1))}})
	want := "templates/x.md.tmpl: the file is 262145 bytes, over coach's limit of 256 KiB for a template; coach does not read it: remove what made it grow (git log -p templates/x.md.tmpl shows what did)"
	if err == nil {
		t.Fatal("a template over the limit was loaded")
	}
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Error(diff)
	}
}

// A template that is a symbolic link out of templates/ is not read: its
// text would be printed into a plan or the pull request comment.
func TestTemplateLinks(t *testing.T) {
	repo := fstest.MapFS{
		"ok.tmpl":      {Data: []byte("ok")},
		"inside.tmpl":  {Data: []byte("ok.tmpl"), Mode: fs.ModeSymlink},
		"secret.tmpl":  {Data: []byte("../../../proc/self/environ"), Mode: fs.ModeSymlink},
		"chained.tmpl": {Data: []byte("hop"), Mode: fs.ModeSymlink},
		"hop":          {Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink},
	}
	_, err := Load(repo)
	want := "templates/chained.tmpl: the file is a symbolic link to /etc/passwd, outside templates/, which coach does not read; replace the link with the template itself"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	delete(repo, "chained.tmpl")
	_, err = Load(repo)
	want = "templates/secret.tmpl: the file is a symbolic link to ../../../proc/self/environ, outside templates/, which coach does not read; replace the link with the template itself"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	delete(repo, "secret.tmpl")
	if _, err := Load(repo); err != nil {
		t.Errorf("a link inside templates/: %v", err)
	}
}
