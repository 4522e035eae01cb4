package framework

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The format of Monzo's progression-framework, as its files and its forks'
// are written: a Markdown file whose YAML front matter, between two lines
// of ---, holds
//
//	levels: 6
//	topics:
//	  - name: "communication"
//	    title: "💬 Communication"     # optional, may be empty
//	    content:
//	      - level: 1
//	        criteria:
//	          - "..."
//	        exampleCriteria:          # optional
//	          - criteria: "..."
//	            examples: ["..."]
//
// A topic need not cover every level (leadership often starts at 3). Keys
// the importer does not use (path, title, sidebarTitle, homepage...) are
// left alone: forks add their own.

// frontMatter returns the YAML between the opening and closing --- lines,
// and the line of the file its first line is on.
func frontMatter(file string, src []byte) ([]byte, int, error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return nil, 0, problem(file, 1, 1, "no YAML front matter: the file does not start with a line of ---",
			"a Monzo-format framework starts with ---, then levels: and topics:, then --- again; for a spreadsheet use --format csv")
	}
	body := src[len("---\n"):]
	end := -1
	if bytes.HasPrefix(body, []byte("---\n")) || bytes.Equal(body, []byte("---")) {
		end = 0
	} else if i := bytes.Index(body, []byte("\n---\n")); i >= 0 {
		end = i + 1
	} else if bytes.HasSuffix(body, []byte("\n---")) {
		end = len(body) - 3
	}
	if end < 0 {
		return nil, 0, problem(file, 1, 1, "the front matter is not closed: no second line of ---",
			"end the front matter with a line of --- after the topics")
	}
	return body[:end], 2, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func parseMonzo(file string, src []byte) (*Framework, error) {
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	fm, first, err := frontMatter(file, src)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(fm, &doc); err != nil {
		line, msg := first, err.Error()
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			line, msg = first+n-1, m[2]
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		return nil, problem(file, line, 1, "the front matter is not valid YAML: "+msg,
			"fix the YAML at this line; a YAML linter or an online YAML checker shows the mistake")
	}
	p := &monzoParser{file: file, first: first}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return nil, p.at(root, "the front matter is not a mapping of keys", "write levels: and topics: as keys of the front matter")
	}
	levelsNode, topicsNode := field(root, "levels"), field(root, "topics")
	if levelsNode == nil {
		return nil, problem(file, first, 1, "the front matter has no levels",
			"add levels: N, the number of levels of the framework")
	}
	levels, err := p.int(levelsNode, "levels")
	if err != nil {
		return nil, err
	}
	if levels < 2 || levels > MaxLevels {
		return nil, p.at(levelsNode, fmt.Sprintf("levels: %d is outside 2..%d", levels, MaxLevels),
			"give the number of levels of the framework, from 2 to 20")
	}
	if topicsNode == nil || topicsNode.Kind != yaml.SequenceNode || len(topicsNode.Content) == 0 {
		at := root
		if topicsNode != nil {
			at = topicsNode
		}
		return nil, p.at(at, "the front matter has no topics", "add topics:, a list with a name and content for each topic")
	}
	if len(topicsNode.Content) > MaxSkills {
		return nil, p.at(topicsNode, fmt.Sprintf("%d topics, over the limit of %d", len(topicsNode.Content), MaxSkills),
			"import the topics of one discipline")
	}
	fw := &Framework{Levels: levels}
	for _, t := range topicsNode.Content {
		s, err := p.topic(t, levels)
		if err != nil {
			return nil, err
		}
		fw.Skills = append(fw.Skills, s)
	}
	return fw, nil
}

type monzoParser struct {
	file  string
	first int // the file's line of the front matter's first line
}

func (p *monzoParser) at(n *yaml.Node, msg, hint string) error {
	return problem(p.file, p.first+n.Line-1, n.Column, msg, hint)
}

// field is the value of key in mapping n, or nil.
func field(n *yaml.Node, key string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func (p *monzoParser) int(n *yaml.Node, what string) (int, error) {
	v, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		return 0, p.at(n, fmt.Sprintf("%s is %s, not a whole number", what, describe(n)), fmt.Sprintf("write %s: 1, 2, 3...", what))
	}
	return v, nil
}

func (p *monzoParser) str(n *yaml.Node, what string) (string, error) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", p.at(n, fmt.Sprintf("%s is %s, not text", what, describe(n)), fmt.Sprintf(`write the %s as text in quotes: "..."`, what))
	}
	return strings.TrimSpace(n.Value), nil
}

// strings reads a list of texts; null is none.
func (p *monzoParser) strings(n *yaml.Node, what string) ([]string, error) {
	if n == nil || n.Tag == "!!null" {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.at(n, fmt.Sprintf("%s is %s, not a list", what, describe(n)), fmt.Sprintf(`write %s as a list: - "..."`, what))
	}
	var out []string
	for _, c := range n.Content {
		s, err := p.str(c, "each of "+what)
		if err != nil {
			return nil, err
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return out, nil
}

func describe(n *yaml.Node) string {
	switch {
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case n.Kind == yaml.AliasNode:
		return "an alias"
	case n.Tag == "!!null":
		return "empty"
	}
	return strconv.Quote(n.Value)
}

func (p *monzoParser) topic(t *yaml.Node, levels int) (Skill, error) {
	if t.Kind != yaml.MappingNode {
		return Skill{}, p.at(t, fmt.Sprintf("a topic is %s, not a mapping", describe(t)), "write each topic with name: and content:")
	}
	nameNode := field(t, "name")
	if nameNode == nil {
		return Skill{}, p.at(t, "a topic has no name", `add name: "the topic's name"`)
	}
	name, err := p.str(nameNode, "name")
	if err != nil {
		return Skill{}, err
	}
	if name == "" {
		return Skill{}, p.at(nameNode, "a topic's name is empty", `write the topic's name: name: "communication"`)
	}
	s := Skill{Key: name, Name: displayName(name, t), Criteria: make([][]string, levels), Path: p.file,
		Line: p.first + t.Line - 1, Col: t.Column}
	if d := field(t, "description"); d != nil && d.Kind == yaml.ScalarNode {
		s.Summary = strings.TrimSpace(d.Value)
	}
	content := field(t, "content")
	if content == nil || content.Tag == "!!null" {
		return Skill{}, p.at(nameNode, fmt.Sprintf("topic %q has no content", name), "add content:, a list of level: and criteria:")
	}
	if content.Kind != yaml.SequenceNode {
		return Skill{}, p.at(content, fmt.Sprintf("the content of %q is %s, not a list", name, describe(content)),
			"write content: as a list of level: and criteria:")
	}
	for _, c := range content.Content {
		if c.Kind != yaml.MappingNode {
			return Skill{}, p.at(c, fmt.Sprintf("an entry of %q's content is %s, not a mapping", name, describe(c)),
				"write each entry with level: and criteria:")
		}
		ln := field(c, "level")
		if ln == nil {
			return Skill{}, p.at(c, fmt.Sprintf("an entry of %q's content has no level", name), "add level: N")
		}
		level, err := p.int(ln, "level")
		if err != nil {
			return Skill{}, err
		}
		if level < 1 || level > levels {
			return Skill{}, p.at(ln, fmt.Sprintf("level %d of %q is outside the framework's levels 1..%d", level, name, levels),
				fmt.Sprintf("use a level from 1 to %d, or raise levels: at the top", levels))
		}
		criteria, err := p.strings(field(c, "criteria"), "criteria")
		if err != nil {
			return Skill{}, err
		}
		if ex := field(c, "exampleCriteria"); ex != nil && ex.Tag != "!!null" {
			if ex.Kind != yaml.SequenceNode {
				return Skill{}, p.at(ex, fmt.Sprintf("exampleCriteria is %s, not a list", describe(ex)), "write exampleCriteria as a list of criteria: and examples:")
			}
			for _, e := range ex.Content {
				cn := field(e, "criteria")
				if cn == nil {
					return Skill{}, p.at(e, "an example has no criteria", `add criteria: "..." to it`)
				}
				text, err := p.str(cn, "criteria")
				if err != nil {
					return Skill{}, err
				}
				if text != "" {
					criteria = append(criteria, text)
				}
			}
		}
		s.Criteria[level-1] = append(s.Criteria[level-1], criteria...)
	}
	return s, nil
}

// displayName is a topic's title without the emoji Monzo's titles start
// with, else its name with a capital first letter.
func displayName(name string, t *yaml.Node) string {
	if tn := field(t, "title"); tn != nil && tn.Kind == yaml.ScalarNode && tn.Tag != "!!null" {
		title := strings.TrimLeftFunc(tn.Value, func(r rune) bool { return !isWordStart(r) })
		if title = strings.TrimSpace(title); title != "" {
			return title
		}
	}
	r := []rune(name)
	if len(r) > 0 {
		r[0] = toUpper(r[0])
	}
	return string(r)
}
