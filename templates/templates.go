// Package templates renders coach's Markdown output with text/template. The
// built-in templates (plan.md.tmpl, agenda.md.tmpl) are embedded; a
// repository's templates/ directory is parsed after them, so a file or a
// {{define}} block of the same name replaces the built-in one. A mistake in
// a template is reported with the template's file and line.
package templates

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template"

	"github.com/coach-dev/coach/skills"
)

//go:embed *.tmpl
var builtin embed.FS

// Dir is where a repository keeps its own templates.
const Dir = "templates"

// Set is the templates of one repository: the built-in ones and the
// repository's own.
type Set struct {
	t *template.Template
	// from maps a template file's name to the path it came from, for errors.
	from map[string]string
}

var funcs = template.FuncMap{
	"add":   func(a, b int) int { return a + b },
	"sub":   func(a, b int) int { return a - b },
	"join":  strings.Join,
	"lower": strings.ToLower,
	"title": func(s string) string {
		if s == "" {
			return s
		}
		return strings.ToUpper(s[:1]) + s[1:]
	},
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	},
	// cell makes a value safe inside a Markdown table cell.
	"cell": func(s string) string { return strings.ReplaceAll(s, "|", `\|`) },
}

// Load parses the built-in templates, then every .tmpl file at the top of
// repo (nil for none). The error of a repository template is a
// *skills.ProblemsError naming templates/FILE:LINE.
func Load(repo fs.FS) (*Set, error) {
	s := &Set{t: template.New("coach").Option("missingkey=error").Funcs(funcs), from: map[string]string{}}
	entries, err := fs.ReadDir(builtin, ".")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		src, err := builtin.ReadFile(e.Name())
		if err != nil {
			return nil, err
		}
		if err := s.parse(e.Name(), "built-in "+e.Name(), src); err != nil {
			return nil, fmt.Errorf("a built-in template is broken (a bug in coach): %w", err)
		}
	}
	if repo == nil {
		return s, nil
	}
	names, err := fs.Glob(repo, "*.tmpl")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, name := range names {
		src, err := fs.ReadFile(repo, name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path.Join(Dir, name), err)
		}
		if err := s.parse(name, path.Join(Dir, name), src); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *Set) parse(name, from string, src []byte) error {
	s.from[name] = from
	if _, err := s.t.New(name).Parse(string(src)); err != nil {
		return s.problem(err)
	}
	return nil
}

// Render executes the template name with data. The output is the same bytes
// for the same data; runs of blank lines are folded into one and the text
// ends in exactly one newline, so templates need not count their newlines.
func (s *Set) Render(name string, data any) ([]byte, error) {
	var b bytes.Buffer
	if err := s.t.ExecuteTemplate(&b, name, data); err != nil {
		return nil, s.problem(err)
	}
	return tidy(b.Bytes()), nil
}

func tidy(b []byte) []byte {
	lines := bytes.Split(b, []byte("\n"))
	out := make([]byte, 0, len(b))
	blank := true // drop blank lines at the start
	for _, l := range lines {
		l = bytes.TrimRight(l, " \t")
		if len(l) == 0 {
			if !blank {
				out = append(out, '\n')
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l...)
		out = append(out, '\n')
	}
	return append(bytes.TrimRight(out, "\n"), '\n')
}

// text/template reports "template: NAME:LINE[:COL]: message".
var tmplErr = regexp.MustCompile(`^template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)

func (s *Set) problem(err error) error {
	m := tmplErr.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	from, ok := s.from[m[1]]
	if !ok {
		from = m[1]
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	p := skills.Problem{Path: from, Line: line, Col: col, Severity: skills.Error,
		Message: "template error: " + m[4],
		Hint:    "fix the template, or delete it to use the built-in one"}
	if strings.HasPrefix(from, "built-in ") {
		p.Hint = "this is a bug in coach"
	}
	return &skills.ProblemsError{Problems: skills.Problems{p}}
}
