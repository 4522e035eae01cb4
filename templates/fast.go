package templates

// The fast path. text/template finds every field by name and calls every
// function through reflect, every time: that was most of the time of
// `coach plan --all`. fast.go runs the same parse trees, instrumented the
// same way (escaped actions, counted steps), with each field's lookup kept
// per type and coach's functions called directly.
//
// It serves the part of text/template that coach's templates use. Whatever
// else a template does (a method with arguments, index, a range over a map
// or a channel), and any error, makes it give up: text/template, the plain
// twin, then renders the template from the start, and renders that template
// from then on. So the fast path never answers differently, it answers
// sooner; fast_test.go renders with both and compares.

import (
	"fmt"
	"reflect"
	"strconv"
	"sync/atomic"
	"text/template/parse"
)

// maxFastDepth is how deep the fast path nests template calls before it
// leaves a (runaway) recursion to text/template and its own limit.
const maxFastDepth = 1000

// program is one template of the set, compiled for the fast path.
type program struct {
	name string
	body []instr
	// unfit says why the fast path cannot run the template, or a template
	// it calls; "" when it can.
	unfit string
	calls []*program
	// gaveUp is set once the fast path gave up on a rendering of this
	// template: text/template renders it from then on.
	gaveUp atomic.Bool
	// size sizes the buffer of the next output: the longest one so far,
	// less an eighth for each shorter one since.
	size atomic.Int64
}

// giveUp stops a fast rendering; why is for tests.
type giveUp struct{ why string }

func slow(why string) { panic(giveUp{why}) }

// flow is how a list of instructions ended: normally, or at a {{break}} or
// {{continue}} that the enclosing range takes.
type flow uint8

const (
	flowNext flow = iota
	flowBreak
	flowContinue
)

type instr interface {
	run(e *exec, dot reflect.Value) flow
}

// exec is the state of one fast rendering, as text/template's state is.
type exec struct {
	r     *rendering
	vars  []variable
	args  []reflect.Value // the arguments of the calls under way
	base  int             // the first variable of the template being run
	depth int
}

type variable struct {
	name  string
	value reflect.Value
}

// compileSet builds the programs of every template; a template the fast
// path cannot serve gets a program that says why.
func compileSet(templates map[string]*parse.Tree) map[string]*program {
	progs := make(map[string]*program, len(templates))
	for name := range templates {
		progs[name] = &program{name: name}
	}
	for name, tree := range templates {
		p := progs[name]
		if tree == nil || tree.Root == nil {
			p.unfit = "an empty template"
			continue
		}
		c := &compiler{progs: progs, prog: p}
		p.body = c.list(tree.Root)
		p.unfit = c.unfit
	}
	// A template that calls one the fast path cannot serve cannot be served.
	for changed := true; changed; {
		changed = false
		for _, p := range progs {
			if p.unfit != "" {
				continue
			}
			for _, q := range p.calls {
				if q.unfit != "" {
					p.unfit = "it calls " + strconv.Quote(q.name) + ": " + q.unfit
					changed = true
					break
				}
			}
		}
	}
	return progs
}

type compiler struct {
	progs map[string]*program
	prog  *program
	unfit string
}

func (c *compiler) fail(format string, args ...any) {
	if c.unfit == "" {
		c.unfit = fmt.Sprintf(format, args...)
	}
}

func (c *compiler) list(l *parse.ListNode) []instr {
	if l == nil {
		return nil
	}
	out := make([]instr, 0, len(l.Nodes))
	for _, n := range l.Nodes {
		if in := c.node(n); in != nil {
			out = append(out, in)
		}
	}
	return out
}

func (c *compiler) node(n parse.Node) instr {
	switch n := n.(type) {
	case *parse.TextNode:
		return text(n.Text)
	case *parse.CommentNode:
		return nil
	case *parse.BreakNode:
		return brk{}
	case *parse.ContinueNode:
		return cont{}
	case *parse.ActionNode:
		return c.action(n)
	case *parse.IfNode:
		return &branch{pipe: c.pipe(n.Pipe), list: c.list(n.List), elseList: c.list(n.ElseList)}
	case *parse.WithNode:
		return &branch{with: true, pipe: c.pipe(n.Pipe), list: c.list(n.List), elseList: c.list(n.ElseList)}
	case *parse.RangeNode:
		return &loop{pipe: c.pipe(n.Pipe), list: c.list(n.List), elseList: c.list(n.ElseList)}
	case *parse.TemplateNode:
		p, ok := c.progs[n.Name]
		if !ok {
			c.fail("template %q is not defined", n.Name)
			return nil
		}
		c.prog.calls = append(c.prog.calls, p)
		call := &call{prog: p}
		if n.Pipe != nil {
			call.pipe = c.pipe(n.Pipe)
		}
		return call
	}
	c.fail("a %T", n)
	return nil
}

// action compiles {{pipeline}}: a _step that instrument put there, a
// declaration, or a value printed through _escape.
func (c *compiler) action(n *parse.ActionNode) instr {
	p := n.Pipe
	if len(p.Decl) > 0 {
		return declare{c.pipe(p)}
	}
	if len(p.Cmds) == 1 && len(p.Cmds[0].Args) == 2 && isIdent(p.Cmds[0].Args[0], "_step") {
		if num, ok := p.Cmds[0].Args[1].(*parse.NumberNode); ok && num.IsInt {
			return step(num.Int64)
		}
	}
	last := p.Cmds[len(p.Cmds)-1]
	if len(p.Cmds) < 2 || len(last.Args) != 1 || !isIdent(last.Args[0], "_escape") {
		c.fail("an action that is not escaped")
		return nil
	}
	return &print{cmds: c.cmds(p.Cmds[:len(p.Cmds)-1])}
}

func isIdent(n parse.Node, name string) bool {
	id, ok := n.(*parse.IdentifierNode)
	return ok && id.Ident == name
}

type pipe struct {
	decl     []string
	isAssign bool
	cmds     []command
}

func (c *compiler) pipe(p *parse.PipeNode) *pipe {
	out := &pipe{isAssign: p.IsAssign, cmds: c.cmds(p.Cmds)}
	for _, v := range p.Decl {
		out.decl = append(out.decl, v.Ident[0])
	}
	return out
}

// command is one command of a pipeline: final is the value of the command
// before it, valid only after the first.
type command interface {
	eval(e *exec, dot, final reflect.Value) reflect.Value
}

func (c *compiler) cmds(cmds []*parse.CommandNode) []command {
	out := make([]command, len(cmds))
	for i, cmd := range cmds {
		out[i] = c.command(cmd, i > 0)
	}
	return out
}

func (c *compiler) command(cmd *parse.CommandNode, hasFinal bool) command {
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
		return c.function(id.Ident, cmd.Args[1:], hasFinal)
	}
	if len(cmd.Args) > 1 || hasFinal {
		// A method given arguments, or an error.
		c.fail("arguments to %s", cmd.Args[0])
		return nil
	}
	switch n := cmd.Args[0].(type) {
	case *parse.BoolNode, *parse.StringNode, *parse.NumberNode:
		return constant{c.constant(n, nil)}
	}
	return operandCommand{c.operand(cmd.Args[0])}
}

type operandCommand struct{ op operand }

func (o operandCommand) eval(e *exec, dot, _ reflect.Value) reflect.Value { return o.op.eval(e, dot) }

type constant struct{ v reflect.Value }

func (k constant) eval(*exec, reflect.Value, reflect.Value) reflect.Value { return k.v }

// constant is the value text/template gives a constant argument of type typ
// (nil for an argument of any type, or a command).
func (c *compiler) constant(n parse.Node, typ reflect.Type) reflect.Value {
	switch n := n.(type) {
	case *parse.BoolNode:
		if typ == nil || typ == anyType || typ == boolType {
			return reflect.ValueOf(n.True)
		}
	case *parse.StringNode:
		if typ == nil || typ == anyType || typ == stringType {
			return reflect.ValueOf(n.Text)
		}
	case *parse.NumberNode:
		// As text/template's idealConstant, for the plain cases.
		switch {
		case typ == intType || (typ == nil || typ == anyType) && !n.IsComplex && n.IsInt && isDecimal(n.Text):
			if n.IsInt && int64(int(n.Int64)) == n.Int64 {
				return reflect.ValueOf(int(n.Int64))
			}
		}
	}
	c.fail("the constant %s", n)
	return reflect.Value{}
}

func isDecimal(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// operand is a value that is not a constant: dot, a field, a variable,
// a parenthesized pipeline.
type operand interface {
	eval(e *exec, dot reflect.Value) reflect.Value
}

func (c *compiler) operand(n parse.Node) operand {
	switch n := n.(type) {
	case *parse.DotNode:
		return dotOperand{}
	case *parse.FieldNode:
		return fieldOperand{c.fields(n.Ident)}
	case *parse.VariableNode:
		return &variableOperand{name: n.Ident[0], fields: c.fields(n.Ident[1:])}
	case *parse.PipeNode:
		return pipeOperand{c.pipe(n)}
	case *parse.ChainNode:
		switch n.Node.(type) {
		case *parse.PipeNode, *parse.FieldNode, *parse.VariableNode:
			return &chainOperand{of: c.operand(n.Node), fields: c.fields(n.Field)}
		}
	}
	c.fail("the operand %s", n)
	return nil
}

type dotOperand struct{}

func (dotOperand) eval(_ *exec, dot reflect.Value) reflect.Value { return dot }

type fieldOperand struct{ fields []*field }

func (f fieldOperand) eval(e *exec, dot reflect.Value) reflect.Value {
	v := dot
	for _, fl := range f.fields {
		v = fl.of(v)
	}
	return v
}

type variableOperand struct {
	name   string
	fields []*field
}

func (o *variableOperand) eval(e *exec, _ reflect.Value) reflect.Value {
	v := e.varValue(o.name)
	for _, fl := range o.fields {
		v = fl.of(v)
	}
	return v
}

type chainOperand struct {
	of     operand
	fields []*field
}

func (o *chainOperand) eval(e *exec, dot reflect.Value) reflect.Value {
	v := o.of.eval(e, dot)
	for _, fl := range o.fields {
		v = fl.of(v)
	}
	return v
}

type pipeOperand struct{ p *pipe }

func (o pipeOperand) eval(e *exec, dot reflect.Value) reflect.Value { return e.pipe(dot, o.p) }

func (c *compiler) fields(names []string) []*field {
	out := make([]*field, len(names))
	for i, name := range names {
		out[i] = &field{name: name}
	}
	return out
}

// field is one .Name of a chain. It keeps how it was found in the last type
// it was looked up in: a template sees the same types over and over.
type field struct {
	name string
	last atomic.Pointer[fieldOf]
}

// fieldOf is how a field name is found in one type.
type fieldOf struct {
	typ    reflect.Type // the type looked in: *T for an addressable T
	method int          // a method's index, or -1
	index  []int        // a struct field's index
	mapKey reflect.Value
	unfit  string
}

// of is text/template's evalField for a field without arguments.
func (f *field) of(v reflect.Value) reflect.Value {
	if !v.IsValid() {
		slow("a field of nothing")
	}
	v, isNil := indirect(v)
	if isNil {
		slow("a field of nil")
	}
	ptr := v
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	how := f.last.Load()
	if how == nil || how.typ != ptr.Type() {
		how = lookup(ptr.Type(), v.Type(), f.name)
		f.last.Store(how)
	}
	switch {
	case how.unfit != "":
		slow(how.unfit)
	case how.method >= 0:
		return callMethod(ptr.Method(how.method))
	case how.index != nil:
		fv, err := v.FieldByIndexErr(how.index)
		if err != nil {
			slow("a field through a nil pointer")
		}
		return fv
	case how.mapKey.IsValid():
		r := v.MapIndex(how.mapKey)
		if !r.IsValid() {
			slow("a missing key") // missingkey=error
		}
		return r
	}
	slow("no such field")
	return reflect.Value{}
}

func lookup(ptr, typ reflect.Type, name string) *fieldOf {
	how := &fieldOf{typ: ptr, method: -1}
	if m, ok := ptr.MethodByName(name); ok {
		mt := m.Type // with the receiver first, for a concrete type
		switch {
		case ptr.Kind() == reflect.Interface || mt.NumIn() != 1 || mt.IsVariadic():
			how.unfit = "a method with arguments"
		case mt.NumOut() == 1 && mt.Out(0) != reflectValueType,
			mt.NumOut() == 2 && mt.Out(0) != reflectValueType && mt.Out(1) == errorType:
			how.method = m.Index
		default:
			how.unfit = "a method text/template cannot call"
		}
		return how
	}
	switch typ.Kind() {
	case reflect.Struct:
		if sf, ok := typ.FieldByName(name); ok && sf.IsExported() {
			how.index = sf.Index
			return how
		}
	case reflect.Map:
		key := reflect.ValueOf(name)
		if key.Type().AssignableTo(typ.Key()) {
			how.mapKey = key
			return how
		}
	}
	how.unfit = "no field " + name
	return how
}

// callMethod calls a method without arguments, as text/template does.
func callMethod(m reflect.Value) reflect.Value {
	out := m.Call(nil)
	if len(out) == 2 && !out[1].IsNil() {
		slow("a method's error")
	}
	return out[0]
}

// function compiles a call of a function of the set or a built-in one.
func (c *compiler) function(name string, args []parse.Node, hasFinal bool) command {
	n := len(args)
	if hasFinal {
		n++
	}
	fn, ok := natives[name]
	if !ok {
		c.fail("the function %s", name)
		return nil
	}
	if n < fn.min || fn.max >= 0 && n > fn.max {
		c.fail("%s with %d arguments", name, n)
		return nil
	}
	f := &funcCall{fn: fn, args: make([]argument, len(args)), hasFinal: hasFinal}
	for i, a := range args {
		typ := fn.param(i)
		switch a := a.(type) {
		case *parse.BoolNode, *parse.StringNode, *parse.NumberNode:
			f.args[i].value = c.constant(a, typ)
		case *parse.NilNode:
			switch typ {
			case nil: // a reflect.Value: the zero one
			case anyType:
				f.args[i].value = reflect.Zero(anyType)
			default:
				c.fail("nil for %s", typ)
			}
		default:
			f.args[i].op = c.operand(a)
		}
	}
	return f
}

// argument is a constant, or an operand evaluated at each call.
type argument struct {
	op    operand
	value reflect.Value
}

type funcCall struct {
	fn       *native
	args     []argument
	hasFinal bool
}

// eval evaluates the arguments in order, the final value last, and calls
// the function.
func (f *funcCall) eval(e *exec, dot, final reflect.Value) reflect.Value {
	if f.fn.lazy != nil {
		return f.fn.lazy(e, dot, f, final)
	}
	start := len(e.args)
	for i := range f.args {
		e.args = append(e.args, e.arg(dot, f, i, final))
	}
	if f.hasFinal {
		e.args = append(e.args, e.arg(dot, f, len(f.args), final))
	}
	v := f.fn.call(e.args[start:])
	e.args = e.args[:start]
	return v
}

// native is a function the fast path calls directly. params are the types
// of its parameters (the last one repeated for a variadic function); nil
// is a reflect.Value parameter of a built-in, which takes any value as is.
// call gets the arguments as text/template would pass them; lazy, for and
// and or, evaluates them itself.
type native struct {
	params   []reflect.Type
	min, max int // the number of arguments; max -1 for any
	call     func(args []reflect.Value) reflect.Value
	lazy     func(e *exec, dot reflect.Value, f *funcCall, final reflect.Value) reflect.Value
}

func (fn *native) param(i int) reflect.Type {
	return fn.params[min(i, len(fn.params)-1)]
}

// arg is the i-th argument's value (the final value for i == len(f.args))
// as text/template passes it: evalArg, then validateType.
func (e *exec) arg(dot reflect.Value, f *funcCall, i int, final reflect.Value) reflect.Value {
	var v reflect.Value
	if i == len(f.args) {
		v = final
	} else if a := f.args[i]; a.op == nil {
		return a.value
	} else {
		v = a.op.eval(e, dot)
	}
	typ := f.fn.param(i)
	if typ == nil {
		if v.IsValid() && v.Type() == reflectValueType {
			slow("a reflect.Value")
		}
		return v
	}
	return validate(v, typ)
}

// validate is text/template's validateType: v as a value of type typ.
func validate(v reflect.Value, typ reflect.Type) reflect.Value {
	if !v.IsValid() {
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		slow("no value for " + typ.String())
	}
	if v.Type().AssignableTo(typ) {
		return v
	}
	if v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
		if v.Type().AssignableTo(typ) {
			return v
		}
	}
	switch {
	case v.Kind() == reflect.Pointer && v.Type().Elem().AssignableTo(typ):
		v = v.Elem()
		if !v.IsValid() {
			slow("a nil pointer")
		}
	case reflect.PointerTo(v.Type()).AssignableTo(typ) && v.CanAddr():
		v = v.Addr()
	default:
		slow("wrong type for " + typ.String())
	}
	return v
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	}
	return false
}

// ifaceOf is v passed to a parameter of type any.
func ifaceOf(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	return v.Interface()
}

var (
	intType          = reflect.TypeFor[int]()
	stringType       = reflect.TypeFor[string]()
	boolType         = reflect.TypeFor[bool]()
	anyType          = reflect.TypeFor[any]()
	stringsType      = reflect.TypeFor[[]string]()
	markdownType     = reflect.TypeFor[markdown]()
	errorType        = reflect.TypeFor[error]()
	reflectValueType = reflect.TypeFor[reflect.Value]()
)

// natives are the functions of the set (functions), and text/template's
// built-ins that coach's templates use, called as text/template calls them.
var natives map[string]*native

var (
	oneString = []reflect.Type{stringType}
	twoInts   = []reflect.Type{intType, intType}
)

func init() {
	values := []reflect.Type{nil}
	natives = map[string]*native{
		"and": {params: values, min: 1, max: -1, lazy: func(e *exec, dot reflect.Value, f *funcCall, final reflect.Value) reflect.Value {
			return andOr(e, dot, f, final, false)
		}},
		"or": {params: values, min: 1, max: -1, lazy: func(e *exec, dot reflect.Value, f *funcCall, final reflect.Value) reflect.Value {
			return andOr(e, dot, f, final, true)
		}},
		"not": {params: values, min: 1, max: 1, call: func(a []reflect.Value) reflect.Value {
			return reflect.ValueOf(!truth(a[0]))
		}},
		"len": {params: values, min: 1, max: 1, call: func(a []reflect.Value) reflect.Value {
			item, isNil := indirect(a[0])
			if isNil {
				slow("len of nil")
			}
			switch item.Kind() {
			case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
				return reflect.ValueOf(item.Len())
			}
			slow("len of a " + item.Kind().String())
			return reflect.Value{}
		}},
		"eq": {params: values, min: 2, max: -1, call: func(a []reflect.Value) reflect.Value {
			for _, b := range a[1:] {
				if equal(a[0], b) {
					return reflect.ValueOf(true)
				}
			}
			return reflect.ValueOf(false)
		}},
		"ne": {params: values, min: 2, max: 2, call: func(a []reflect.Value) reflect.Value {
			return reflect.ValueOf(!equal(a[0], a[1]))
		}},
		"lt": {params: values, min: 2, max: 2, call: func(a []reflect.Value) reflect.Value {
			return reflect.ValueOf(less(a[0], a[1]))
		}},
		"le": {params: values, min: 2, max: 2, call: func(a []reflect.Value) reflect.Value {
			return reflect.ValueOf(less(a[0], a[1]) || equal(a[0], a[1]))
		}},
		"gt": {params: values, min: 2, max: 2, call: func(a []reflect.Value) reflect.Value {
			return reflect.ValueOf(!(less(a[0], a[1]) || equal(a[0], a[1])))
		}},
		"ge": {params: values, min: 2, max: 2, call: func(a []reflect.Value) reflect.Value {
			return reflect.ValueOf(!less(a[0], a[1]))
		}},
	}
	for name, f := range functions {
		if f.native != nil {
			natives[name] = f.native
		}
	}
}

// andOr is text/template's and (or with or): the first argument that
// decides, evaluated in order and no further.
func andOr(e *exec, dot reflect.Value, f *funcCall, final reflect.Value, or bool) reflect.Value {
	var v reflect.Value
	for i := range f.args {
		v = e.arg(dot, f, i, final)
		if truth(v) == or {
			return v
		}
	}
	if f.hasFinal {
		v = e.arg(dot, f, len(f.args), final)
	}
	return v
}

func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

type kind int

const (
	otherKind kind = iota
	boolKind
	intKind
	stringKind
)

// basicKind is text/template's, for the kinds the fast path compares;
// otherKind for the others (an unsigned integer, a float, a pointer...).
func basicKind(v reflect.Value) kind {
	switch v.Kind() {
	case reflect.Bool:
		return boolKind
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intKind
	case reflect.String:
		return stringKind
	}
	return otherKind
}

// equal is text/template's eq of two values, for booleans, integers and
// strings.
func equal(a, b reflect.Value) bool {
	a, b = indirectInterface(a), indirectInterface(b)
	k := basicKind(a)
	if k == otherKind || basicKind(b) != k {
		slow("a comparison of " + a.Kind().String() + " and " + b.Kind().String())
	}
	switch k {
	case boolKind:
		return a.Bool() == b.Bool()
	case intKind:
		return a.Int() == b.Int()
	}
	return a.String() == b.String()
}

// less is text/template's lt, for integers and strings.
func less(a, b reflect.Value) bool {
	a, b = indirectInterface(a), indirectInterface(b)
	k := basicKind(a)
	if k == otherKind || k == boolKind || basicKind(b) != k {
		slow("an order of " + a.Kind().String() + " and " + b.Kind().String())
	}
	if k == intKind {
		return a.Int() < b.Int()
	}
	return a.String() < b.String()
}

// isTrue is text/template's truth of a value.
func isTrue(val reflect.Value) (truth, ok bool) {
	if !val.IsValid() {
		return false, true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		truth = val.Len() > 0
	case reflect.Bool:
		truth = val.Bool()
	case reflect.Complex64, reflect.Complex128:
		truth = val.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		truth = !val.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		truth = val.Int() != 0
	case reflect.Float32, reflect.Float64:
		truth = val.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		truth = val.Uint() != 0
	case reflect.Struct:
		truth = true
	default:
		return
	}
	return truth, true
}

func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

// The instructions.

type text []byte

func (t text) run(e *exec, _ reflect.Value) flow {
	e.write(t)
	return flowNext
}

type step int

func (s step) run(e *exec, _ reflect.Value) flow {
	if _, err := e.r.step(int(s)); err != nil {
		slow("over the limit of steps")
	}
	return flowNext
}

type brk struct{}

func (brk) run(*exec, reflect.Value) flow { return flowBreak }

type cont struct{}

func (cont) run(*exec, reflect.Value) flow { return flowContinue }

type declare struct{ p *pipe }

func (d declare) run(e *exec, dot reflect.Value) flow {
	e.pipe(dot, d.p)
	return flowNext
}

// print is an action whose value goes through _escape, as instrument made
// every action that prints.
type print struct{ cmds []command }

func (p *print) run(e *exec, dot reflect.Value) flow {
	e.printEscaped(e.cmds(dot, p.cmds))
	return flowNext
}

type branch struct {
	with           bool
	pipe           *pipe
	list, elseList []instr
}

func (b *branch) run(e *exec, dot reflect.Value) flow {
	mark := len(e.vars)
	v := e.pipe(dot, b.pipe)
	truth, ok := isTrue(indirectInterface(v))
	if !ok {
		slow("if or with of a " + v.Kind().String())
	}
	f := flowNext
	switch {
	case truth && b.with:
		f = e.list(v, b.list)
	case truth:
		f = e.list(dot, b.list)
	default:
		f = e.list(dot, b.elseList)
	}
	e.vars = e.vars[:mark]
	return f
}

type loop struct {
	pipe           *pipe
	list, elseList []instr
}

func (l *loop) run(e *exec, dot reflect.Value) flow {
	outer := len(e.vars)
	val, _ := indirect(e.pipe(dot, l.pipe))
	mark := len(e.vars)
	ran := false
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		n := val.Len()
		ran = n > 0
		for i := 0; i < n; i++ {
			elem := val.Index(i)
			e.rangeVars(l.pipe, i, elem)
			f := e.list(elem, l.list)
			e.vars = e.vars[:mark]
			if f == flowBreak {
				break
			}
		}
	case reflect.Invalid:
	case reflect.Map:
		if val.Len() > 0 {
			slow("a range over a map") // in the order of its keys
		}
	default:
		slow("a range over a " + val.Kind().String())
	}
	f := flowNext
	if !ran {
		f = e.list(dot, l.elseList)
	}
	e.vars = e.vars[:outer]
	return f
}

// rangeVars sets the variables of a range to index i and elem, as
// text/template does.
func (e *exec) rangeVars(p *pipe, i int, elem reflect.Value) {
	d := p.decl
	if len(d) > 0 {
		switch {
		case !p.isAssign:
			e.vars[len(e.vars)-1].value = elem
		case len(d) > 1:
			e.setVar(d[0], reflect.ValueOf(i))
		default:
			e.setVar(d[0], elem)
		}
	}
	if len(d) > 1 {
		if p.isAssign {
			e.setVar(d[1], elem)
		} else {
			e.vars[len(e.vars)-2].value = reflect.ValueOf(i)
		}
	}
}

type call struct {
	prog *program
	pipe *pipe
}

func (c *call) run(e *exec, dot reflect.Value) flow {
	if e.depth >= maxFastDepth {
		slow("templates nested too deep")
	}
	var v reflect.Value
	if c.pipe != nil {
		v = e.pipe(dot, c.pipe)
	}
	base := e.base
	e.base = len(e.vars)
	e.vars = append(e.vars, variable{"$", v})
	e.depth++
	e.list(v, c.prog.body)
	e.depth--
	e.vars = e.vars[:e.base]
	e.base = base
	return flowNext
}

// The evaluation.

func (e *exec) list(dot reflect.Value, l []instr) flow {
	for _, in := range l {
		if f := in.run(e, dot); f != flowNext {
			return f
		}
	}
	return flowNext
}

func (e *exec) pipe(dot reflect.Value, p *pipe) reflect.Value {
	v := e.cmds(dot, p.cmds)
	for _, name := range p.decl {
		if p.isAssign {
			e.setVar(name, v)
		} else {
			e.vars = append(e.vars, variable{name, v})
		}
	}
	return v
}

func (e *exec) cmds(dot reflect.Value, cmds []command) reflect.Value {
	var v reflect.Value
	for _, c := range cmds {
		v = c.eval(e, dot, v)
		if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
			v = v.Elem()
		}
	}
	return v
}

func (e *exec) varValue(name string) reflect.Value {
	for i := len(e.vars) - 1; i >= e.base; i-- {
		if e.vars[i].name == name {
			return e.vars[i].value
		}
	}
	slow("undefined variable " + name)
	return reflect.Value{}
}

func (e *exec) setVar(name string, v reflect.Value) {
	for i := len(e.vars) - 1; i >= e.base; i-- {
		if e.vars[i].name == name {
			e.vars[i].value = v
			return
		}
	}
	slow("undefined variable " + name)
}

func (e *exec) write(b []byte) {
	if _, err := e.r.Write(b); err != nil {
		slow("over the limit of output")
	}
}

func (e *exec) writeString(s string) {
	if err := e.r.writeString(s); err != nil {
		slow("over the limit of output")
	}
}

// printEscaped prints v as {{v | _escape}} does: escapeValue of v passed
// as any, printed by fmt. The common types skip the boxing.
func (e *exec) printEscaped(v reflect.Value) {
	if !v.IsValid() {
		e.writeString(string(escapeValue(nil)))
		return
	}
	t := v.Type()
	switch {
	case t == markdownType:
		e.writeString(v.String())
		return
	case v.Kind() == reflect.Interface || t.NumMethod() > 0:
		// A method may make it markdownText or a fmt.Stringer.
	case v.Kind() == reflect.String:
		e.writeString(Escape(v.String()))
		return
	case v.Kind() >= reflect.Int && v.Kind() <= reflect.Int64:
		var buf [24]byte
		e.write(strconv.AppendInt(buf[:0], v.Int(), 10))
		return
	case v.Kind() == reflect.Bool:
		e.writeString(strconv.FormatBool(v.Bool()))
		return
	}
	e.writeString(string(escapeValue(v.Interface())))
}
