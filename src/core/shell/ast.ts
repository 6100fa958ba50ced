/**
 * The shell syntax tree: just enough of bash's grammar to know every command that will run, with what
 * arguments, redirects and input. Positions are offsets into the parsed text.
 */

export type Node = ListNode | PipelineNode | SimpleNode | SubshellNode | GroupNode | IfNode | LoopNode | ForNode | CaseNode | FunctionNode | TestNode | ArithNode;

export type ListOp = ';' | '&&' | '||' | '&';

export interface ListNode {
  readonly type: 'list';
  /** `op` is the operator that follows the item (`;` for the last one). */
  readonly items: readonly { readonly node: Node; readonly op: ListOp }[];
}

export interface PipelineNode {
  readonly type: 'pipeline';
  readonly commands: readonly Node[];
  readonly negated: boolean;
}

export interface Assignment {
  readonly name: string;
  readonly append: boolean;
  /** Undefined for an array assignment `X=(a b)`, whose words are in `array`. */
  readonly value: Word | undefined;
  readonly array: readonly Word[] | undefined;
}

export type RedirectOperator = '>' | '>>' | '>|' | '&>' | '&>>' | '<' | '<>' | '<<' | '<<-' | '<<<' | '>&' | '<&';

export interface RedirectNode {
  readonly op: RedirectOperator;
  readonly fd: number | undefined;
  /** The target word; for heredocs, the delimiter word. */
  readonly target: Word;
  /** Heredoc body (filled once the body has been read). */
  heredoc: HeredocBody | undefined;
}

export interface HeredocBody {
  readonly text: string;
  /** Unquoted delimiter: `$( )`, backticks and `$X` in the body expand. */
  readonly expands: boolean;
  /** Command substitutions found in an expanding body. */
  readonly substitutions: readonly Node[];
}

export interface SimpleNode {
  readonly type: 'simple';
  readonly assignments: readonly Assignment[];
  readonly words: readonly Word[];
  readonly redirects: readonly RedirectNode[];
  readonly start: number;
  readonly end: number;
}

export interface SubshellNode {
  readonly type: 'subshell';
  readonly body: Node;
  readonly redirects: readonly RedirectNode[];
}

export interface GroupNode {
  readonly type: 'group';
  readonly body: Node;
  readonly redirects: readonly RedirectNode[];
}

export interface IfNode {
  readonly type: 'if';
  /** condition/body pairs for `if` and each `elif` */
  readonly branches: readonly { readonly cond: Node; readonly body: Node }[];
  readonly otherwise: Node | undefined;
  readonly redirects: readonly RedirectNode[];
}

export interface LoopNode {
  readonly type: 'while' | 'until';
  readonly cond: Node;
  readonly body: Node;
  readonly redirects: readonly RedirectNode[];
}

export interface ForNode {
  readonly type: 'for';
  readonly variable: string;
  /** Undefined for `for x; do` (positional parameters) and for C-style `for ((…))`. */
  readonly items: readonly Word[] | undefined;
  readonly body: Node;
  readonly redirects: readonly RedirectNode[];
}

export interface CaseNode {
  readonly type: 'case';
  readonly subject: Word;
  readonly arms: readonly { readonly patterns: readonly Word[]; readonly body: Node | undefined }[];
  readonly redirects: readonly RedirectNode[];
}

export interface FunctionNode {
  readonly type: 'function';
  readonly name: string;
  readonly body: Node;
}

/** `[[ … ]]`: only its expansions can run anything. */
export interface TestNode {
  readonly type: 'test';
  readonly words: readonly Word[];
}

/** `(( … ))`: only command substitutions inside can run anything. */
export interface ArithNode {
  readonly type: 'arith';
  readonly substitutions: readonly Node[];
}

/** A word is a sequence of parts; quoting is kept per part so that globbing and brace expansion are exact. */
export interface Word {
  readonly parts: readonly Part[];
  /** Source text of the word. */
  readonly raw: string;
}

export type Part =
  | { readonly type: 'lit'; readonly value: string; readonly quoted: boolean }
  | { readonly type: 'param'; readonly name: string; readonly quoted: boolean; readonly op: string | undefined; readonly arg: Word | undefined }
  | { readonly type: 'cmdsub'; readonly body: Node; readonly quoted: boolean }
  | { readonly type: 'procsub'; readonly dir: '<' | '>'; readonly body: Node }
  | { readonly type: 'arith'; readonly substitutions: readonly Node[]; readonly quoted: boolean };
