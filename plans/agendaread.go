package plans

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
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
		if it.section == topicsHeading {
			pa.Topics = append(pa.Topics, it.Item)
		} else {
			pa.Items = append(pa.Items, it.Item)
		}
	}
	if m := tryThisLine.FindSubmatch(src); m != nil {
		pa.TryThis = strings.TrimSpace(string(m[1]))
	}
	return pa
}

var tryThisLine = regexp.MustCompile(`(?m)^- Try this week: (.+)$`)

// topicsHeading is the heading of the section the PM fills in before the 1:1.
const topicsHeading = "Your topics"

// carry splits an earlier agenda's items: unticked ones (with their
// unticked children) are carried over, ticked ones are done. An item keeps
// the week it was first written.
func carry(items []Item, week string) (open, done []Item) {
	for _, it := range items {
		if strings.TrimSpace(it.Text) == "" {
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

var sinceSuffix = regexp.MustCompile(`\s*\((?:open since|raised in) (\d{4}-W\d{2})(?:, not discussed yet)?\)$`)

// ParseItems reads the action items of an agenda with a Markdown parser,
// so that a checkbox in a code block or a quote is not taken for an item:
// every task-list item outside the "Your topics" section. Nested items stay
// nested; items left blank are skipped. Any text parses; what is not a task
// item is ignored.
func ParseItems(src []byte) []Item {
	var out []Item
	for _, it := range parseSections(src) {
		if it.section != topicsHeading {
			out = append(out, it.Item)
		}
	}
	return out
}

// sectionItem is a top-level task item and the level-2 heading it is under.
type sectionItem struct {
	Item
	section string
}

func parseSections(src []byte) []sectionItem {
	md := goldmark.New(goldmark.WithExtensions(extension.TaskList))
	doc := md.Parser().Parse(text.NewReader(src))
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
	if t == "" {
		return Item{}, false // an action item left blank: nothing to carry
	}
	it := Item{Text: t, Done: cb.IsChecked}
	if m := sinceSuffix.FindStringSubmatch(it.Text); m != nil {
		it.Since = m[1]
		it.Text = strings.TrimSpace(it.Text[:len(it.Text)-len(m[0])])
	}
	return it, true
}
