// Package templates renders coach's Markdown output with text/template. The
// built-in templates (plan.md.tmpl, agenda.md.tmpl) are embedded; a
// repository's templates/ directory is parsed after them, so a file or a
// {{define}} block of the same name replaces the built-in one. A mistake in
// a template is reported with the template's file and line. The history's
// text, Markdown table and SVG chart are written here too, in Go (see
// history.go and history_svg.go): they have no template to override.
//
// What a template prints is escaped for Markdown in one place, the way
// html/template escapes for HTML: every {{action}} ends in [Escape], so a
// name, a goal or a piece of evidence cannot mention anyone on GitHub, open
// raw HTML, or break a table or a heading, whichever template prints it.
// And a repository's templates come with a pull request, so one rendering
// is bounded: MaxSteps loops and template calls, MaxOutput bytes, and a
// printf width of at most maxWidth.
//
// Render runs a template with an executor of its own where it can (see
// fast.go), which finds each field once per type and calls the functions
// directly, and with text/template where it cannot: the output is the same.
package templates

import (
	"bytes"
	"cmp"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"
	"unicode/utf8"

	"github.com/coach-dev/coach/skills"
)

//go:embed *.tmpl
var builtin embed.FS

// Dir is where a repository keeps its own templates.
const Dir = "templates"

// The limits of one rendering.
const (
	// MaxSteps is how many loop iterations and template calls one
	// rendering may take in all: {{range 3000000000}} prints nothing, and
	// would run for minutes.
	MaxSteps = 250_000
	// MaxOutput is the most one rendering may write.
	MaxOutput = 8 << 20
	// maxWidth is the widest printf width or precision.
	maxWidth = 1000
)

// Set is the templates of one repository: the built-in ones and the
// repository's own.
type Set struct {
	t *template.Template
	// from maps a template file's name to the path it came from, for errors.
	from map[string]string
	// sites are the loops and templates counted against MaxSteps; a step
	// names its site by index.
	sites []site
	// testHookMaxSteps, set only by tests, replaces MaxSteps with a smaller
	// limit that is reached sooner.
	testHookMaxSteps int
	// clones are copies of t whose _step counts against the rendering in
	// hand: cloning the whole set for every rendering was most of the time
	// of plan --all, so a clone is kept and reused, by one rendering at a
	// time.
	clones sync.Pool
	// fast are the templates compiled for the fast path (fast.go), by name.
	fast map[string]*program
	// testHookGaveUp, set only by tests, hears why the fast path gave up
	// on a rendering.
	testHookGaveUp func(name, why string)
}

// clone is a copy of a Set's templates and the rendering its _step counts.
type clone struct {
	t *template.Template
	r *rendering
}

// site is a loop, or the start of a template, in a template file.
type site struct {
	from string // the file
	line int
	loop bool // a {{range}}, else the start of a template
	// builtin is a site of a built-in template: it ranges over the data
	// alone, never over a number, and calls no template of its own again,
	// so its steps are bounded by the data and are not counted against
	// MaxSteps (a team of 10,000 people with their 24 skills took more).
	builtin bool
}

// function is one function of the set, as each executor calls it: fn is
// what text/template calls, native how the fast path (fast.go) calls the
// same fn. They are one table, functions, so that neither executor has a
// function the other lacks; TestOneRegistry checks that the two agree.
type function struct {
	fn     any
	native *native // nil only for _step, which the fast path runs itself
}

// functions are the functions of the set.
var functions = map[string]function{
	"add": {add, &native{params: twoInts, min: 2, max: 2, call: func(a []reflect.Value) reflect.Value {
		return reflect.ValueOf(add(int(a[0].Int()), int(a[1].Int())))
	}}},
	"sub": {sub, &native{params: twoInts, min: 2, max: 2, call: func(a []reflect.Value) reflect.Value {
		return reflect.ValueOf(sub(int(a[0].Int()), int(a[1].Int())))
	}}},
	"join": {strings.Join, &native{params: []reflect.Type{stringsType, stringType}, min: 2, max: 2, call: func(a []reflect.Value) reflect.Value {
		elems := make([]string, a[0].Len())
		for i := range elems {
			elems[i] = a[0].Index(i).String()
		}
		return reflect.ValueOf(strings.Join(elems, a[1].String()))
	}}},
	"lower": {strings.ToLower, &native{params: oneString, min: 1, max: 1, call: func(a []reflect.Value) reflect.Value {
		return reflect.ValueOf(strings.ToLower(a[0].String()))
	}}},
	"title": {title, &native{params: oneString, min: 1, max: 1, call: func(a []reflect.Value) reflect.Value {
		return reflect.ValueOf(title(a[0].String()))
	}}},
	"plural": {plural, &native{params: []reflect.Type{intType, stringType, stringType}, min: 3, max: 3, call: func(a []reflect.Value) reflect.Value {
		return reflect.ValueOf(plural(int(a[0].Int()), a[1].String(), a[2].String()))
	}}},
	// level names a level in a sentence: "3 Proficient", or "level 3"
	// for a level named only by its number.
	"level": {skills.LevelWords, &native{params: []reflect.Type{intType, stringType}, min: 2, max: 2, call: func(a []reflect.Value) reflect.Value {
		return reflect.ValueOf(skills.LevelWords(int(a[0].Int()), a[1].String()))
	}}},
	// cell makes a value safe inside a Markdown table cell. Every action
	// is escaped (see Escape); cell stays for the templates that use it.
	"cell": {cell, &native{params: oneString, min: 1, max: 1, call: func(a []reflect.Value) reflect.Value {
		return reflect.ValueOf(cell(a[0].String()))
	}}},
	"printf": {printf, &native{params: []reflect.Type{stringType, anyType}, min: 1, max: -1, call: func(a []reflect.Value) reflect.Value {
		args := make([]any, len(a)-1)
		for i := range args {
			args[i] = ifaceOf(a[i+1])
		}
		out, err := printf(a[0].String(), args...)
		if err != nil {
			slow("printf: " + err.Error())
		}
		return reflect.ValueOf(out)
	}}},
	// The two functions instrument adds to every template.
	"_escape": {escapeValue, &native{params: []reflect.Type{anyType}, min: 1, max: 1, call: func(a []reflect.Value) reflect.Value {
		return reflect.ValueOf(escapeValue(ifaceOf(a[0])))
	}}},
	"_step": {func(int) (string, error) { return "", nil }, nil},
}

// funcs are the functions of the set as text/template calls them.
var funcs = func() template.FuncMap {
	m := template.FuncMap{}
	for name, f := range functions {
		m[name] = f.fn
	}
	return m
}()

func add(a, b int) int { return a + b }

func sub(a, b int) int { return a - b }

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func cell(s string) markdown { return markdown(Escape(s)) }

// Load parses the built-in templates, then every .tmpl file at the top of
// repo (nil for none). The error of a repository template is a
// *skills.ProblemsError naming templates/FILE:LINE.
func Load(repo fs.FS) (*Set, error) {
	s, err := loadBuiltin()
	if err != nil {
		return nil, err
	}
	if repo != nil {
		names, err := fs.Glob(repo, "*.tmpl")
		if err != nil {
			return nil, err
		}
		sort.Strings(names)
		for _, name := range names {
			from := path.Join(Dir, name)
			if p := outsideLink(repo, name, from); p != nil {
				return nil, &skills.ProblemsError{Problems: skills.Problems{*p}}
			}
			if fi, err := fs.Stat(repo, name); err != nil {
				return nil, fmt.Errorf("read %s: %w", from, err)
			} else if p := skills.SizeProblem(from, fi.Size(), skills.MaxTemplateSize, "a template"); p != nil {
				return nil, &skills.ProblemsError{Problems: skills.Problems{*p}}
			}
			src, err := fs.ReadFile(repo, name)
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", from, err)
			}
			if err := s.parseRepo(name, from, src); err != nil {
				return nil, err
			}
		}
	}
	return s.finish()
}

// LoadFiles is Load for templates read from elsewhere than a directory, as
// coach diff reads the base revision's from git: files maps a name
// ("diff.md.tmpl") to its text, and prefix goes before templates/NAME in
// errors ("origin/main:").
func LoadFiles(files map[string][]byte, prefix string) (*Set, error) {
	s, err := loadBuiltin()
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if path.Ext(name) != ".tmpl" || !fs.ValidPath(name) || strings.Contains(name, "/") {
			continue
		}
		if err := s.parseRepo(name, prefix+path.Join(Dir, name), files[name]); err != nil {
			return nil, err
		}
	}
	return s.finish()
}

func loadBuiltin() (*Set, error) {
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
	return s, nil
}

// parseRepo parses one of a repository's templates, within its size limit.
func (s *Set) parseRepo(name, from string, src []byte) error {
	if p := skills.SizeProblem(from, int64(len(src)), skills.MaxTemplateSize, "a template"); p != nil {
		return &skills.ProblemsError{Problems: skills.Problems{*p}}
	}
	return s.parse(name, from, src)
}

// finish instruments the parsed templates and compiles the fast path.
func (s *Set) finish() (*Set, error) {
	if err := s.instrument(); err != nil {
		return nil, err
	}
	trees := map[string]*parse.Tree{}
	for _, t := range s.t.Templates() {
		trees[t.Name()] = t.Tree
	}
	s.fast = compileSet(trees)
	return s, nil
}

// outsideLink is the problem of a template that is a symbolic link leading
// out of templates/: its text would be printed, into a plan or the pull
// request comment, wherever it led.
func outsideLink(repo fs.FS, name, from string) *skills.Problem {
	for hops := 0; hops < 40; hops++ {
		fi, err := fs.Lstat(repo, name)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return nil // a file, or an error that reading it reports
		}
		target, err := fs.ReadLink(repo, name)
		if err != nil {
			return nil
		}
		next := path.Join(path.Dir(name), target)
		if path.IsAbs(target) || !fs.ValidPath(next) {
			return &skills.Problem{Path: from, Severity: skills.Error,
				Message: fmt.Sprintf("the file is a symbolic link to %s, outside %s/, which coach does not read", target, Dir),
				Hint:    "replace the link with the template itself"}
		}
		name = next
	}
	return &skills.Problem{Path: from, Severity: skills.Error, Message: "the file is a loop of symbolic links",
		Hint: "replace the link with the template itself"}
}

// instrument rewrites every template once they are all parsed: each
// action's output goes through _escape, and each loop body and template
// starts with a _step that counts against MaxSteps.
func (s *Set) instrument() error {
	escape, err := s.snippet("{{. | _escape}}")
	if err != nil {
		return err
	}
	escapeCmd := escape.Pipe.Cmds[1]
	for _, t := range s.t.Templates() {
		if t.Tree == nil || t.Tree.Root == nil {
			continue
		}
		tree := t.Tree
		var walk func(n parse.Node) error
		walk = func(n parse.Node) error {
			switch n := n.(type) {
			case *parse.ListNode:
				if n == nil {
					return nil
				}
				for _, c := range n.Nodes {
					if err := walk(c); err != nil {
						return err
					}
				}
			case *parse.ActionNode:
				if len(n.Pipe.Decl) == 0 { // {{$x := ...}} prints nothing
					n.Pipe.Cmds = append(n.Pipe.Cmds, escapeCmd)
				}
			case *parse.IfNode:
				return errors.Join(walk(n.List), walk(n.ElseList))
			case *parse.WithNode:
				return errors.Join(walk(n.List), walk(n.ElseList))
			case *parse.RangeNode:
				if err := errors.Join(walk(n.List), walk(n.ElseList)); err != nil {
					return err
				}
				return s.step(tree, n, n.List, true)
			}
			return nil
		}
		if err := walk(tree.Root); err != nil {
			return err
		}
		if err := s.step(tree, tree.Root, tree.Root, false); err != nil {
			return err
		}
	}
	return nil
}

// step puts a _step for the site of n at the start of list.
func (s *Set) step(tree *parse.Tree, n parse.Node, list *parse.ListNode, loop bool) error {
	loc, _ := tree.ErrorContext(n)
	line := 0
	if parts := strings.Split(loc, ":"); len(parts) >= 2 {
		line, _ = strconv.Atoi(parts[len(parts)-2])
	}
	from, ok := s.from[tree.ParseName]
	if !ok {
		from = tree.ParseName
	}
	s.sites = append(s.sites, site{from: from, line: line, loop: loop, builtin: strings.HasPrefix(from, "built-in ")})
	call, err := s.snippet(fmt.Sprintf("{{_step %d}}", len(s.sites)-1))
	if err != nil {
		return err
	}
	list.Nodes = append([]parse.Node{call}, list.Nodes...)
	return nil
}

// snippet parses one action, to be put into another template's tree.
func (s *Set) snippet(src string) (*parse.ActionNode, error) {
	t, err := template.New("").Funcs(funcs).Parse(src)
	if err != nil {
		return nil, err
	}
	return t.Tree.Root.Nodes[0].(*parse.ActionNode), nil
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
//
// A rendering that goes over MaxSteps or MaxOutput stops with a problem
// naming the template file and the line of the loop or template it was in.
func (s *Set) Render(name string, data any) ([]byte, error) {
	if out, ok := s.renderFast(name, data); ok {
		return out, nil
	}
	return s.renderSlow(name, data)
}

// renderSlow renders with text/template, the plain twin of the fast path.
func (s *Set) renderSlow(name string, data any) ([]byte, error) {
	c, ok := s.clones.Get().(*clone)
	if !ok {
		t, err := s.t.Clone()
		if err != nil {
			return nil, err
		}
		c = &clone{t: t}
		t.Funcs(template.FuncMap{"_step": func(site int) (string, error) { return c.r.step(site) }})
	}
	r := &rendering{sites: s.sites, last: -1, max: cmp.Or(s.testHookMaxSteps, MaxSteps)}
	c.r = r
	err := c.t.ExecuteTemplate(r, name, data)
	c.r = nil
	s.clones.Put(c)
	if err != nil {
		var over *overLimit
		if errors.As(err, &over) {
			return nil, over.problem()
		}
		return nil, s.problem(err)
	}
	return tidy(r.out.Bytes()), nil
}

// renderFast renders with the fast path (fast.go); ok is false when it
// could not, and text/template must.
func (s *Set) renderFast(name string, data any) (out []byte, ok bool) {
	p := s.fast[name]
	if p == nil || p.unfit != "" || p.gaveUp.Load() {
		return nil, false
	}
	r := &rendering{sites: s.sites, last: -1, max: cmp.Or(s.testHookMaxSteps, MaxSteps)}
	r.out.Grow(int(min(p.size.Load(), MaxOutput)))
	e := &exec{r: r, vars: make([]variable, 0, 16)}
	defer func() {
		if x := recover(); x != nil {
			p.gaveUp.Store(true)
			if s.testHookGaveUp != nil {
				why := fmt.Sprint(x)
				if g, ok := x.(giveUp); ok {
					why = g.why
				}
				s.testHookGaveUp(name, why)
			}
			out, ok = nil, false
		}
	}()
	value, isValue := data.(reflect.Value)
	if !isValue {
		value = reflect.ValueOf(data)
	}
	e.vars = append(e.vars, variable{"$", value})
	e.list(value, p.body)
	p.size.Store(max(int64(r.out.Len()), p.size.Load()*7/8))
	return tidy(r.out.Bytes()), true
}

// rendering counts one rendering's steps and output.
type rendering struct {
	out   bytes.Buffer
	sites []site
	steps int
	max   int
	last  int // the site of the last step, -1 before the first
}

func (r *rendering) step(site int) (string, error) {
	r.last = site
	if r.sites[site].builtin {
		return "", nil
	}
	r.steps++
	if r.steps > r.max {
		return "", &overLimit{site: r.sites[site], steps: r.max}
	}
	return "", nil
}

func (r *rendering) Write(p []byte) (int, error) {
	if r.out.Len()+len(p) > MaxOutput {
		over := &overLimit{}
		if r.last >= 0 {
			over.site = r.sites[r.last]
		}
		return 0, over
	}
	return r.out.Write(p)
}

func (r *rendering) writeString(s string) error {
	if r.out.Len()+len(s) > MaxOutput {
		over := &overLimit{}
		if r.last >= 0 {
			over.site = r.sites[r.last]
		}
		return over
	}
	r.out.WriteString(s)
	return nil
}

// overLimit is a rendering stopped at a limit, in a loop or template.
type overLimit struct {
	site  site
	steps int // the limit of steps that was passed, or 0 for MaxOutput
}

func (e *overLimit) Error() string { return e.problem().Error() }

func (e *overLimit) problem() *skills.ProblemsError {
	where := "this template"
	if e.site.loop {
		where = "the loop on this line"
	}
	p := skills.Problem{Path: e.site.from, Line: e.site.line, Severity: skills.Error,
		Hint: "a template loops over the data it is given: range over a list of the data, not a number, and call a template from itself only on a smaller part"}
	if e.steps > 0 {
		p.Message = fmt.Sprintf("the template took more than %d steps (loop iterations and template calls) in %s, over coach's limit", e.steps, where)
	} else {
		p.Message = fmt.Sprintf("the output passed %d MiB in %s, over coach's limit", MaxOutput>>20, where)
	}
	if e.site.builtin {
		// Only the output can be over: the data is too large for one
		// file, which is no bug.
		p.Message = fmt.Sprintf("the output of coach's own template passed %d MiB, coach's limit for one file", MaxOutput>>20)
		p.Hint = "the data is too large for one file: for team.md, write the view of one part of the organisation with `coach team --under MANAGER`"
	}
	return &skills.ProblemsError{Problems: skills.Problems{p}}
}

// markdown is text that is already Markdown, the output of cell or
// printf: escapeValue leaves it alone.
type markdown string

// markdownText is text that is Markdown already, from a Markdown file
// (plans.Markdown): printed as it is.
type markdownText interface{ Markdown() string }

// escapeValue is what every action's output goes through.
func escapeValue(v any) markdown {
	switch v := v.(type) {
	case markdown:
		return v
	case markdownText:
		// Markdown as a person wrote it, but no control character: those
		// are no Markdown, and would reach a terminal.
		return markdown(skills.EscapeControls(v.Markdown()))
	case string:
		return markdown(Escape(v))
	case nil:
		return "<no value>"
	}
	return markdown(Escape(fmt.Sprint(v)))
}

// printf is fmt.Sprintf with its arguments escaped (the format is the
// template's own text) and its widths bounded: %0999999999d would allocate
// a gigabyte.
func printf(format string, args ...any) (markdown, error) {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		for i++; i < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[i]) >= 0; i++ {
			if format[i] == '*' {
				return "", fmt.Errorf("printf takes no width from an argument (%%*), by coach's limit")
			}
			if format[i] >= '1' && format[i] <= '9' {
				j := i
				for j < len(format) && format[j] >= '0' && format[j] <= '9' {
					j++
				}
				if n, err := strconv.Atoi(format[i:j]); err != nil || n > maxWidth {
					return "", fmt.Errorf("printf width %s is over coach's limit of %d", format[i:j], maxWidth)
				}
				i = j - 1
			}
		}
	}
	escaped := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case markdown:
			escaped[i] = string(v)
		case markdownText:
			escaped[i] = skills.EscapeControls(v.Markdown())
		case fmt.Stringer, error:
			escaped[i] = Escape(fmt.Sprint(v))
		default:
			switch reflect.ValueOf(a).Kind() {
			case reflect.String:
				escaped[i] = Escape(reflect.ValueOf(a).String())
			case reflect.Struct, reflect.Map, reflect.Slice, reflect.Array, reflect.Pointer, reflect.Interface:
				escaped[i] = Escape(fmt.Sprint(a))
			default:
				escaped[i] = a // numbers and booleans
			}
		}
	}
	return markdown(fmt.Sprintf(format, escaped...)), nil
}

var entity = regexp.MustCompile(`^&#?[A-Za-z0-9]+;`)

// Escape makes text from a user's files safe to print in Markdown that
// GitHub renders, a pull request comment or a committed plan, and reads
// the same: a line break becomes a space (so no value starts a heading or
// a list, or ends a table row), | is escaped (a table cell), < and an
// entity's & become entities (no raw HTML), a backtick and a backslash
// before punctuation are escaped, and an @mention gets a zero-width space
// after its @, so that printing a name notifies no one.
//
// Nor does a value link anywhere: [ is escaped (no link, image or
// footnote), a zero-width space goes into every bare URL's ://, every
// www., every #123 and GH-123 (GitHub would link them to a site, or to an
// issue that then lists the pull request), so the text reads the same and
// nothing in it can be clicked.
func Escape(s string) string {
	i := 0
	for {
		for i < len(s) && !mayEscape[s[i]] {
			i++
		}
		if i == len(s) {
			return s
		}
		if needsEscape(s, i) {
			break
		}
		i++
	}
	// Start at the first byte of the character that needs escaping: a
	// control character is read whole (see below).
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\r' && i+1 < len(s) && s[i+1] == '\n':
		case c == '\r' || c == '\n':
			b.WriteByte(' ')
		case c == '|':
			b.WriteString(`\|`)
		case c == '`':
			b.WriteString("\\`")
		case c == '[':
			b.WriteString(`\[`)
		case c == '\\' && i+1 < len(s) && isPunct(s[i+1]):
			b.WriteString(`\\`)
		case c == '<':
			b.WriteString("&lt;")
		case c == '&' && entity.MatchString(s[i:]):
			b.WriteString("&amp;")
		case c == '@' && (i == 0 || !isWord(s[i-1])) && i+1 < len(s) && isWord(s[i+1]):
			b.WriteString("@&#8203;")
		case c == '#' && i+1 < len(s) && isDigit(s[i+1]):
			b.WriteString("#&#8203;")
		case linkAt(s, i):
			b.WriteString("&#8203;")
			b.WriteByte(c)
		case c < 0x20 && c != '\t' || c >= 0x7f:
			// A control character, or the first byte of one, or of
			// UTF-8 that is not valid: shown, never sent (see
			// skills.EscapeControls).
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size <= 1 || skills.IsControl(r) {
				b.WriteString(skills.EscapeControls(s[i : i+size]))
			} else {
				b.WriteString(s[i : i+size])
			}
			i += size - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// needsEscape reports whether Escape changes s at i.
func needsEscape(s string, i int) bool {
	c := s[i]
	return escaped[c] && (c != '#' || i+1 < len(s) && isDigit(s[i+1])) || linkAt(s, i)
}

// linkAt reports whether s[i] is where GitHub would see a link: the : of
// a URL's ://, the . of www., the - of GH-123. A zero-width space before
// it breaks the link and reads the same.
func linkAt(s string, i int) bool {
	switch s[i] {
	case ':':
		return i > 0 && isLetter(s[i-1]) && strings.HasPrefix(s[i:], "://")
	case '.':
		return i >= 3 && strings.EqualFold(s[i-3:i], "www") && (i == 3 || !isWord(s[i-4]))
	case '-':
		return i >= 2 && strings.EqualFold(s[i-2:i], "gh") && (i == 2 || !isWord(s[i-3])) && i+1 < len(s) && isDigit(s[i+1])
	}
	return false
}

// escaped are the bytes Escape may change besides those of a link;
// mayEscape are those and the bytes where a link may be.
var (
	escaped = func() [256]bool {
		t := [256]bool{'\r': true, '\n': true, '|': true, '<': true, '&': true, '`': true, '\\': true, '@': true, '[': true, '#': true}
		// And the bytes that may start a control character.
		for c := range 256 {
			t[c] = t[c] || skills.MayBeControl(byte(c))
		}
		return t
	}()
	mayEscape = func() [256]bool {
		m := escaped
		m[':'], m['.'], m['-'] = true, true, true
		return m
	}()
)

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func isPunct(c byte) bool { return c > ' ' && c < 0x7f && !isWord(c) }

// tidy folds the runs of blank lines of b, trims the spaces that end its
// lines, and ends it in one newline. It works in place: b's bytes are
// overwritten, as each line is moved back over the bytes already read.
func tidy(b []byte) []byte {
	out := b[:0]
	blank := true // drop blank lines at the start
	for len(b) > 0 {
		l := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			l, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
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
