package plans

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coach-dev/coach/skills"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Reading an earlier agenda, as people wrote in it during the 1:1: its
// action items, the PM's topics and the idea it suggested to try. Any text
// reads; what is not recognised is ignored, never guessed.

// ReadAgenda reads an earlier agenda: its action items, the PM's topics and
// the "try this" it suggested. Any text reads; what it does not recognise
// is ignored.
func ReadAgenda(w Week, src []byte) *PreviousAgenda {
	pa := &PreviousAgenda{Week: w, Count: 1}
	for _, it := range parseSections(src) {
		sinceWeeks(&it.Item, w)
		if it.section == topicsHeading {
			pa.Topics = append(pa.Topics, it.Item)
		} else {
			pa.Items = append(pa.Items, it.Item)
		}
	}
	if m := tryThisLine.FindSubmatch(src); m != nil {
		pa.TryThis = strings.TrimSpace(string(m[2]))
		pa.TryStarted = string(m[1]) == "Start"
	}
	pa.Notes = readNotes(src)
	if m := reviewLine.FindSubmatch(src); m != nil {
		pa.Review = strings.TrimSpace(string(m[1]))
	}
	if m := askedLine.FindSubmatch(src); m != nil {
		pa.Asked = strings.TrimSpace(string(m[1]))
	}
	if m := questionLine.FindSubmatch(src); m != nil {
		pa.Question = strings.TrimSpace(string(m[1]))
	}
	if m := focusLine.FindSubmatch(src); m != nil {
		pa.Focus = strings.TrimSpace(string(m[1]))
		pa.FocusWeek, _ = strconv.Atoi(string(m[2]))
	}
	for _, re := range mentorLines {
		if m := re.FindSubmatch(src); m != nil {
			pa.Mentor, pa.MentorSkill = strings.TrimSpace(string(m[re.SubexpIndex("who")])), strings.TrimSpace(string(m[re.SubexpIndex("skill")]))
			break
		}
	}
	return pa
}

// mentorLines are the lines of an agenda's focus that name who the person
// is to learn the skill from: the introduction, the first working
// session, or the mentor named anew (see WeekFocus.Support).
var mentorLines = []*regexp.Regexp{
	regexp.MustCompile(`(?m)^- My part: an introduction to (?P<who>[^,\n]+), who does (?P<skill>[^\n]+?) well, before our next 1:1\.\r?$`),
	regexp.MustCompile(`(?m)^- My part: a first working session for you with (?P<who>[^\n]+?) on (?P<skill>[^\n]+?) this month\.\r?$`),
	regexp.MustCompile(`(?m)^- Your mentor in (?P<skill>[^\n]+?) is (?P<who>[^;\n]+?)(?: from now on)?(?:;|\.\r?$)`),
}

// focusLine is the heading of an agenda's focus of the week: the skill and
// how many weeks in a row it had been the focus ("### Negotiation (week 2
// of 2 on it)"; older agendas wrote "agenda 2 of 2").
var focusLine = regexp.MustCompile(`(?m)^### (.+) \((?:agenda|week) (\d{1,4})(?: of \d+)? on it\)\r?$`)

// askedLine is the manager's question to themselves in an agenda's prep,
// after the words that say it is still to do from an earlier week.
var askedLine = regexp.MustCompile(`(?m)^- Ask yourself before you go in: (?:` + stillToDo + ` [^,\n]+, )?(.+)$`)

// questionLine is an agenda's question of the week.
var questionLine = regexp.MustCompile(`(?m)^Question of the week: (.+?)\r?$`)

// reviewLine is the first item under an agenda's "Work review" heading.
var reviewLine = regexp.MustCompile(`(?m)^## Work review\r?\n(?:[ \t]*\r?\n)*- (.+)$`)

// notesHeading is the heading of the section written in during the 1:1.
const notesHeading = "Notes"

// maxNoteLine is the longest line of notes an agenda quotes, in bytes.
const maxNoteLine = 400

// readNotes returns the lines under the agenda's "Notes" heading, up to the
// next heading of level one or two outside a code fence, without the blank
// lines at either end. A line longer than maxNoteLine is cut at a character
// boundary. Any text reads.
func readNotes(src []byte) []Markdown {
	var out []Markdown
	in, fence := false, ""
	for line := range strings.Lines(string(src)) {
		line = strings.TrimRight(line, "\r\n")
		t := strings.TrimLeft(line, " ")
		if fence == "" && len(line)-len(t) < 4 {
			if h, ok := atxHeading(t); ok {
				in = h == notesHeading
				continue
			}
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			switch {
			case fence == "":
				fence = t[:3]
			case strings.HasPrefix(t, fence):
				fence = ""
			}
		}
		if !in {
			continue
		}
		if strings.TrimSpace(line) == "" && len(out) == 0 {
			continue
		}
		out = append(out, Markdown(cut(line, maxNoteLine)))
	}
	for len(out) > 0 && strings.TrimSpace(string(out[len(out)-1])) == "" {
		out = out[:len(out)-1]
	}
	return out
}

// atxHeading reads a heading of level one or two ("## Notes").
func atxHeading(t string) (string, bool) {
	for _, p := range []string{"# ", "## "} {
		if strings.HasPrefix(t, p) {
			return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t[len(p):]), "#")), true
		}
	}
	return "", false
}

// cut shortens s to at most n bytes, at a character boundary, marking the cut.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

var tryThisLine = regexp.MustCompile(`(?m)^- (Try|Start) this week: (.+)$`)

// topicsHeading is the heading of the section the PM fills in before the 1:1.
const topicsHeading = "Your topics"

// carry splits an earlier agenda's items: unticked ones (with their
// unticked children) are carried over, ticked ones are done. An item keeps
// the week it was first written.
func carry(items []Item, week string) (open, done []Item) {
	for _, it := range items {
		if strings.TrimSpace(string(it.Text)) == "" {
			continue
		}
		childOpen, childDone := carry(it.Children, week)
		if it.Done {
			done = append(done, Item{Text: it.Text, Done: true})
			done = append(done, childDone...)
			open = append(open, childOpen...)
			continue
		}
		c := Item{Text: it.Text, Since: it.Since, Children: childOpen}
		if c.Since == "" {
			c.Since = week
		}
		open = append(open, c)
		done = append(done, childDone...)
	}
	return open, done
}

// ActionPlaceholder is the text of the empty action items an agenda ends
// with: a checkbox with text renders as one in every Markdown viewer, and
// says what to write. An item still holding it is not carried forward.
const ActionPlaceholder = "(action, owner, date)"

// TopicPlaceholder is the text of the empty topics the PM fills in before
// the 1:1; an item still holding it is not a topic.
const TopicPlaceholder = "(your topic)"

// sinceSuffix is what an agenda writes after a carried item or topic: the
// 1:1 it was first written at, and for a topic whether notes since talk
// about it (older agendas wrote "not discussed yet"). The 1:1 is a day in
// words ("open since 17 November", "raised on 17 November 2026"); agendas
// written before said its week ("open since 2026-W47", "raised in
// 2026-W47"), and both read (see sinceWeek).
var sinceSuffix = regexp.MustCompile(`\s*\((?:open since|raised in|raised on) (\d{4}-W\d{2}|\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December)(?: \d{4})?)(?:, not discussed yet|, still open|; our notes of [^“()]+ read “.*”: decide it today, or tick it|; in our notes of [^,()]+, .*: decide it today, or tick it)?\)$`)

// CheckAgenda is the problem of an agenda that coach will not read back: over
// [skills.MaxAgendaSize], or with lists and quotes nested deeper than
// [skills.MaxDepth] (the Markdown parser's time grows with the square of
// the nesting). It is nil for an agenda that [ReadAgenda] may read.
func CheckAgenda(path string, src []byte) *skills.Problem {
	if p := skills.SizeProblem(path, int64(len(src)), skills.MaxAgendaSize, "an agenda"); p != nil {
		return p
	}
	line := 1
	for off := 0; off <= len(src); line++ {
		end := off
		for end < len(src) && src[end] != '\n' {
			end++
		}
		if markdownDepth(src[off:end]) > skills.MaxDepth {
			return &skills.Problem{Path: path, Line: line, Col: 1, Severity: skills.Error,
				Message: fmt.Sprintf("lists and quotes nest more than %d levels deep, over coach's limit", skills.MaxDepth),
				Hint:    "flatten them: coach reads the action items of an agenda at most that deep"}
		}
		off = end + 1
	}
	return nil
}

// markdownDepth is an upper bound of how deeply a line's list items and
// quotes nest: its container markers (>, -, *, +, 1.) and one level per two
// columns of indentation before them. A line with no marker opens nothing.
func markdownDepth(line []byte) int {
	markers, col := 0, 0
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ' ' && markers == 0: // the indentation before the first marker
			col++
		case c == '\t' && markers == 0:
			col += 4 - col%4
		case c == ' ' || c == '\t':
		case c == '>':
			markers++
		case c == '-' || c == '*' || c == '+':
			if i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t' {
				return depthOf(markers, col)
			}
			markers++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j >= len(line) || (line[j] != '.' && line[j] != ')') {
				return depthOf(markers, col)
			}
			markers++
			i = j
		default:
			return depthOf(markers, col)
		}
	}
	return depthOf(markers, col)
}

func depthOf(markers, col int) int {
	if markers == 0 {
		return 0
	}
	return markers + col/2
}

// agendaParser reads blocks, and of the inline syntax only the task
// checkbox: an item's text is taken from its source lines, and the inline
// parsers of links and emphasis take time in the square of some inputs (a
// 200 KB line of "[a](" took 25 s).
func agendaParser() parser.Parser {
	return parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(util.Prioritized(extension.NewTaskCheckBoxParser(), 0)),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
}

// sectionItem is a top-level task item and the level-2 heading it is under.
type sectionItem struct {
	Item
	section string
}

// parseSections reads the task items of an agenda with a Markdown parser,
// so that a checkbox in a code block or a quote is not taken for an item,
// each with the section it is in. Nested items stay nested; items left
// blank, or still holding [ActionPlaceholder], are skipped. Any text
// parses; what is not a task item is ignored. An agenda is checked with
// [CheckAgenda] first.
func parseSections(src []byte) []sectionItem {
	doc := agendaParser().Parse(text.NewReader(src))
	var walk func(n ast.Node) []Item
	walk = func(n ast.Node) []Item {
		var out []Item
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.Kind() {
			case ast.KindBlockquote, ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock:
				continue
			case ast.KindListItem:
				if it, ok := taskItem(c, src); ok {
					it.Children = walk(c)
					out = append(out, it)
					continue
				}
			}
			out = append(out, walk(c)...)
		}
		return out
	}
	var out []sectionItem
	section := ""
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.Heading); ok && h.Level <= 2 {
			var b strings.Builder
			for i := 0; i < h.Lines().Len(); i++ {
				seg := h.Lines().At(i)
				b.Write(seg.Value(src))
			}
			section = strings.TrimSpace(b.String())
			continue
		}
		switch c.Kind() {
		case ast.KindBlockquote, ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock:
			continue
		}
		items := walk(c)
		for _, it := range items {
			out = append(out, sectionItem{Item: it, section: section})
		}
	}
	return out
}

// taskItem reads a list item that starts with a checkbox.
func taskItem(li ast.Node, src []byte) (Item, bool) {
	blk := li.FirstChild()
	if blk == nil {
		return Item{}, false
	}
	cb, ok := blk.FirstChild().(*extast.TaskCheckBox)
	if !ok {
		return Item{}, false
	}
	var lines []string
	for i := 0; i < blk.Lines().Len(); i++ {
		seg := blk.Lines().At(i)
		lines = append(lines, strings.TrimSpace(string(seg.Value(src))))
	}
	t := strings.Join(lines, " ")
	if len(t) >= 3 && t[0] == '[' && t[2] == ']' {
		t = strings.TrimSpace(t[3:])
	}
	if t == "" || t == ActionPlaceholder || t == TopicPlaceholder {
		return Item{}, false // an action item left blank: nothing to carry
	}
	it := Item{Text: Markdown(t), Done: cb.IsChecked}
	if m := sinceSuffix.FindStringSubmatch(t); m != nil {
		it.Since = m[1] // a day in words until ReadAgenda makes it a week (sinceWeek)
		it.Text = Markdown(strings.TrimSpace(t[:len(t)-len(m[0])]))
	}
	return it, true
}

// WrittenIn says what someone wrote in an agenda coach generated, old,
// that the agenda coach would write now, fresh, does not hold: notes, items
// ticked, action items and topics filled in. It is what a regeneration
// would lose, so `coach agenda --force` keeps such an agenda. Nil when old
// holds only what coach writes.
func WrittenIn(old, fresh *PreviousAgenda) []string {
	var out []string
	count := func(n int, one, many string) {
		switch {
		case n == 1:
			out = append(out, "1 "+one)
		case n > 1:
			out = append(out, fmt.Sprintf("%d %s", n, many))
		}
	}
	had := map[string]bool{}
	for _, n := range fresh.Notes {
		had[strings.TrimSpace(string(n))] = true
	}
	notes := 0
	for _, n := range old.Notes {
		if t := strings.TrimSpace(string(n)); t != "" && !had[t] {
			notes++
		}
	}
	count(notes, "line of notes", "lines of notes")
	generated := map[string]bool{ActionPlaceholder: true, TopicPlaceholder: true, "": true}
	var index func(items []Item)
	index = func(items []Item) {
		for _, it := range items {
			if !it.Done {
				generated[strings.TrimSpace(string(it.Text))] = true
			}
			index(it.Children)
		}
	}
	index(fresh.Items)
	index(fresh.Topics)
	ticked, written := 0, 0
	var walk func(items []Item)
	walk = func(items []Item) {
		for _, it := range items {
			switch text := strings.TrimSpace(string(it.Text)); {
			case it.Done:
				ticked++
			case !generated[text]:
				written++
			}
			walk(it.Children)
		}
	}
	walk(old.Items)
	walk(old.Topics)
	count(ticked, "item ticked", "items ticked")
	count(written, "item written in", "items written in")
	return out
}

// sinceWeeks turns the day an item (and each of its children) says it was
// first written at into that 1:1's week (see sinceWeek).
func sinceWeeks(it *Item, w Week) {
	it.Since = sinceWeek(it.Since, w)
	for i := range it.Children {
		sinceWeeks(&it.Children[i], w)
	}
}

// sinceWeek is the week of the 1:1 an item says it was first written at,
// read in the agenda of week w: a week as older agendas wrote it
// ("2026-W47") as it is, a day in words ("17 November", with its year
// when it is not the agenda's) as the week it falls in. A day written
// without its year is the latest such day on or before w's Sunday: the
// agenda wrote it in its own 1:1's year, and the item is older than the
// agenda. "" when it reads as neither.
func sinceWeek(s string, w Week) string {
	if s == "" || weekPattern.MatchString(s) {
		return s
	}
	if t, err := time.Parse("2 January 2006", s); err == nil {
		return WeekOf(t).String()
	}
	t, err := time.Parse("2 January", s)
	if err != nil {
		return ""
	}
	end := w.Monday().AddDate(0, 0, 6)
	for y := end.Year(); y >= end.Year()-1; y-- {
		d := time.Date(y, t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		if d.Month() == t.Month() && !d.After(end) {
			return WeekOf(d).String()
		}
	}
	return ""
}
