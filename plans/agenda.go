package plans

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// AgendaInput is everything a week's agenda is computed from.
type AgendaInput struct {
	Plan   *Plan
	Matrix *skills.Matrix
	Config skills.Config
	Person *skills.Person
	// History is the person's committed changes, any order.
	History []skills.Change
	Week    Week
	// Previous is the most recent earlier agenda of this person, if any.
	Previous *PreviousAgenda
}

// PreviousAgenda is an earlier agenda, as written in during its 1:1.
type PreviousAgenda struct {
	Week  Week
	Items []Item
	// Unreadable is set when the file is not text: its items are unknown.
	Unreadable bool
}

// Item is a task-list item ("- [ ] text") of an agenda, with its nested items.
type Item struct {
	Text     Markdown `json:"text"`
	Done     bool     `json:"done"`
	Since    string   `json:"since,omitempty"` // the week it was first written, when carried
	Children []Item   `json:"children,omitempty"`
}

// Markdown is text read from a Markdown file, as it was written there: an
// action item that a person wrote in an agenda. Templates print it as it
// is, where they escape text from a skill file, so that an item carried
// from week to week stays the same.
type Markdown string

// Markdown returns the text as it was written.
func (m Markdown) Markdown() string { return string(m) }

// Agenda is one week's 1:1 agenda.
type Agenda struct {
	Person  Who     `json:"person"`
	Role    RoleRef `json:"role"`
	Week    string  `json:"week"`
	Date    string  `json:"date"`
	CheckIn string  `json:"check_in"`
	// Since is the start of "since last time": the previous agenda's 1:1,
	// or four weeks back when there is none.
	Since       string `json:"since"`
	FirstAgenda bool   `json:"first_agenda"`
	// Previous is the week of the last agenda, and PreviousUnreadable is
	// set when its items could not be read.
	Previous           string         `json:"previous,omitempty"`
	PreviousUnreadable bool           `json:"previous_unreadable,omitempty"`
	Changes            []AgendaChange `json:"changes"`
	GoalsDue           []GoalItem     `json:"goals_due"`
	Open               []Item         `json:"open"`
	Done               []Item         `json:"done"`
	Focus              *WeekFocus     `json:"focus,omitempty"`
	Review             []string       `json:"review"`
	Leader             bool           `json:"leader"`
	Feedback           []string       `json:"feedback"`
	// FocusSkills are all the plan's focus skills, in rotation order.
	FocusSkills []SkillRef `json:"focus_skills"`
	// Weekday names the day of the 1:1.
	Weekday string `json:"weekday"`
	// Target is the role the person is working towards.
	Target RoleRef `json:"target"`
}

// ItemLine is an item flattened for a template, with the indentation its
// nesting needs in Markdown.
type ItemLine struct {
	Indent string
	Item
}

// Lines flattens items and their children, depth first.
func Lines(items []Item) []ItemLine {
	var out []ItemLine
	var walk func([]Item, string)
	walk = func(items []Item, indent string) {
		for _, it := range items {
			out = append(out, ItemLine{Indent: indent, Item: it})
			walk(it.Children, indent+"  ")
		}
	}
	walk(items, "")
	return out
}

// OpenLines are the carried-over items, flattened.
func (a *Agenda) OpenLines() []ItemLine { return Lines(a.Open) }

// DoneLines are the items done since last time, flattened.
func (a *Agenda) DoneLines() []ItemLine { return Lines(a.Done) }

// AgendaChange is a change to the skill file since the last 1:1, in words.
type AgendaChange struct {
	Date string `json:"date"`
	Text string `json:"text"`
}

// WeekFocus is the focus skill of the week.
type WeekFocus struct {
	SkillRef
	Level    LevelText `json:"level"`
	Next     LevelText `json:"next"`
	Action   *Action   `json:"action,omitempty"`
	Question string    `json:"question"`
	// Weeks is how many weeks in a row this skill is the focus; Of is
	// which of those this week is.
	Weeks, Of int `json:"-"`
}

// checkIns are asked in turn, one a week.
var checkIns = []string{
	"What has taken most of your energy since we last spoke, and was it the work that matters most?",
	"What are you proud of from the last week, however small?",
	"Where are you stuck, and what have you already tried?",
	"Which working relationship needs attention right now?",
	"What decision are you putting off, and what would make it easier?",
	"From one to ten, how sustainable is your pace? What would move it up one point?",
	"What did a customer teach you recently?",
	"What could I take off your plate, or stop asking of you?",
	"What surprised you this week?",
	"If you started this week again, what would you do differently?",
	"Who on the team deserves recognition they have not had yet?",
	"What have you learned this month that you did not know before?",
}

// BuildAgenda computes the agenda of in.Person for in.Week.
func BuildAgenda(in AgendaInput) *Agenda {
	m, p, pl := in.Matrix, in.Person, in.Plan
	day := in.Week.Day(in.Config.Agenda.WeekdayValue())
	a := &Agenda{
		Person: pl.Person, Role: pl.Role, Target: pl.Target, Week: in.Week.String(), Date: date(day),
		Weekday: day.Weekday().String(),
		CheckIn: checkIns[mod(in.Week.index()+offset(p.ID), len(checkIns))],
	}
	// Changes are counted after the day of the last 1:1 (so a change made
	// that day is in exactly one agenda), or over the four weeks before the
	// first agenda.
	since, after := day.AddDate(0, 0, -28), day.AddDate(0, 0, -29)
	if in.Previous != nil {
		since = in.Previous.Week.Day(in.Config.Agenda.WeekdayValue())
		after = since
	} else {
		a.FirstAgenda = true
	}
	a.Since = date(since)
	a.Changes = sinceLastTime(m, in.History, endOfDay(after), day)
	for _, g := range pl.Goals {
		if g.Due == "" {
			continue
		}
		if g.Due > date(after) && g.Due <= date(day) {
			a.GoalsDue = append(a.GoalsDue, g)
		}
	}
	if in.Previous != nil {
		a.Previous, a.PreviousUnreadable = in.Previous.Week.String(), in.Previous.Unreadable
		a.Open, a.Done = carry(in.Previous.Items, in.Previous.Week.String())
	}
	for _, f := range pl.Focus {
		a.FocusSkills = append(a.FocusSkills, f.SkillRef)
	}
	a.Focus = weekFocus(in, in.Week)
	a.Leader = isLeader(m, p.Role)
	first := firstName(p)
	if a.Leader {
		a.Review = []string{
			"Bring one team, hiring or strategy topic: a decision you are weighing, a person you are worried about, or a plan you want challenged. Say what you have already considered.",
		}
	} else {
		a.Review = []string{
			"Bring one artifact to critique: a PRD, a metric plan, a roadmap slide or a launch note. We will look at the decision it asks for and the evidence behind it.",
			"Bring one piece of feedback you had from a partner function (engineering, design, sales or support) and what you plan to do with it.",
		}
	}
	a.Feedback = []string{
		fmt.Sprintf("For %s: one thing to keep doing and one to change, each with an example from the last two weeks.", first),
		"For the manager: what should I start, stop or continue to support you better?",
	}
	return a
}

func mod(a, n int) int { return ((a % n) + n) % n }

// offset is a stable number derived from a key, so that people (or a person
// and a skill) start their rotations at different places.
func offset(key string) int {
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() % 1024)
}

func firstName(p *skills.Person) string {
	if f, _, _ := strings.Cut(strings.TrimSpace(p.Name), " "); f != "" {
		return f
	}
	return p.ID
}

// isLeader tells leaders (who bring a team or strategy topic) from
// individual contributors (who bring an artifact): the matrix marks the
// roles that lead people with leads = true.
func isLeader(m *skills.Matrix, role string) bool {
	r := m.Role(role)
	return r != nil && r.Leads
}

// weekFocus rotates through the plan's focus skills, weeks_per_focus weeks
// each; the question of the week goes through the skill's bank in order, so
// that none repeats before the bank is used up.
func weekFocus(in AgendaInput, w Week) *WeekFocus {
	pl := in.Plan
	if len(pl.Focus) == 0 {
		return nil
	}
	per := max(in.Config.Agenda.WeeksPerFocus, 1)
	idx := w.index()
	block := idx / per
	f := pl.Focus[mod(block, len(pl.Focus))]
	// How many weeks this skill has been the focus before this one.
	times := (block/len(pl.Focus))*per + mod(idx, per)
	s := in.Matrix.Skill(f.ID)
	wf := &WeekFocus{SkillRef: f.SkillRef, Level: f.Level, Next: f.Next, Weeks: per, Of: mod(idx, per) + 1}
	if s != nil {
		role := in.Matrix.Role(in.Person.Role)
		bank := questionBank(s, f.Next.Value, role != nil && role.Leads)
		if len(bank) > 0 {
			// A constant offset per person keeps the order (no repeat before
			// the bank is used up) while teammates get different questions.
			wf.Question = bank[mod(times+offset(in.Person.ID+"/"+s.ID), len(bank))]
		}
	}
	if len(f.Actions) > 0 {
		a := f.Actions[mod(times, len(f.Actions))]
		wf.Action = &a
	}
	return wf
}

// sinceLastTime describes the committed changes dated after since and up to
// the day of this 1:1.
func sinceLastTime(m *skills.Matrix, history []skills.Change, since, day time.Time) []AgendaChange {
	var cs []skills.Change
	for _, c := range history {
		if c.Date.After(since) && !c.Date.After(endOfDay(day)) {
			cs = append(cs, c)
		}
	}
	slices.SortStableFunc(cs, func(a, b skills.Change) int { return a.Date.Compare(b.Date) })
	var out []AgendaChange
	for _, c := range cs {
		if t := describe(m, c); t != "" {
			out = append(out, AgendaChange{Date: date(c.Date), Text: t})
		}
	}
	return out
}

func describe(m *skills.Matrix, c skills.Change) string {
	name := func(id string) string { return skillRef(m, id).Name }
	lv := func(n int) string {
		if n == 0 {
			return "not assessed"
		}
		return fmt.Sprintf("%d %s", n, levelName(m, n))
	}
	role := func(id string) string {
		if r := m.Role(id); r != nil {
			return r.Name
		}
		return id
	}
	switch c.Kind {
	case skills.KindLevel:
		return fmt.Sprintf("%s: %s -> %s", name(c.Skill), lv(c.FromLevel()), lv(c.ToLevel()))
	case skills.KindSelf:
		return fmt.Sprintf("Self-assessment of %s: %s -> %s", name(c.Skill), lv(c.FromLevel()), lv(c.ToLevel()))
	case skills.KindRole:
		return fmt.Sprintf("Role: %s -> %s", role(c.From), role(c.To))
	case skills.KindTarget:
		return fmt.Sprintf("Target role: %s", role(c.To))
	case skills.KindEvidence:
		return fmt.Sprintf("Evidence for %s: %s", name(c.Skill), c.Text)
	case skills.KindGoal:
		return fmt.Sprintf("New goal: %s", c.Text)
	}
	return ""
}

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

var sinceSuffix = regexp.MustCompile(`\s*\(open since (\d{4}-W\d{2})\)$`)

// CheckAgenda is the problem of an agenda that coach will not read back: over
// [skills.MaxAgendaSize], or with lists and quotes nested deeper than
// [skills.MaxDepth] (the Markdown parser's time grows with the square of
// the nesting). It is nil for an agenda that [ParseItems] may read.
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

// ParseItems reads the task-list items of an agenda with a Markdown parser,
// so that a checkbox in a code block or a quote is not taken for an item.
// Nested items stay nested; items left blank are skipped. Any text parses;
// what is not a task item is ignored. An agenda is checked with
// [CheckAgenda] first.
func ParseItems(src []byte) []Item {
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
	return walk(doc)
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
	if t == "" || t == ActionPlaceholder {
		return Item{}, false // an action item left blank: nothing to carry
	}
	it := Item{Text: Markdown(t), Done: cb.IsChecked}
	if m := sinceSuffix.FindStringSubmatch(t); m != nil {
		it.Since = m[1]
		it.Text = Markdown(strings.TrimSpace(t[:len(t)-len(m[0])]))
	}
	return it, true
}

// AgendaPath is where a person's agenda for a week is written.
func AgendaPath(id string, w Week) string { return fmt.Sprintf("agendas/%s/%s.md", id, w) }
