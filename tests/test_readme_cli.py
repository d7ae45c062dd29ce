"""The README's commands match the CLI (issue 15): every `samverkan …` the README shows names a
command that exists and only options that command has, and the command list under "Using it"
names every command of `samverkan --help`.
"""
from __future__ import annotations

import re
import shlex

import click
import pytest

from samverkan.cli import main
from samverkan.settings import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def _using_it_block() -> str:
    section = README.split("## Using it", 1)[1]
    return section.split("```sh", 1)[1].split("```", 1)[0]


def _command_lines() -> list[str]:
    """Each `samverkan …` of the README: the lines of its sh blocks and its inline code."""
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.S):
        lines += [ln.split("#", 1)[0].strip() for ln in block.splitlines()]
    lines += re.findall(r"`(samverkan [^`]+)`", README)
    lines += [m.strip() for m in re.findall(r"`\.venv/bin/(samverkan [^`]+)`", README)]
    return [ln.replace("…", "").strip() for ln in lines if ln.startswith("samverkan ")]


def _leaves(group: click.Group, prefix=()) -> dict[tuple, click.Command]:
    out = {}
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            out.update(_leaves(cmd, prefix + (name,)))
        else:
            out[prefix + (name,)] = cmd
    return out


def _options(cmd: click.Command) -> set[str]:
    return {o for p in cmd.params if isinstance(p, click.Option) for o in p.opts + p.secondary_opts} | {"-h", "--help"}


def _resolve(words: list[str]) -> tuple[click.Command, list[str], list[str]]:
    """The command a README line runs, the global options before it, and the words after it."""
    words = words[1:]
    global_opts = []
    while words and words[0].startswith("-"):
        global_opts.append(words.pop(0))
    cmd: click.Command = main
    while isinstance(cmd, click.Group) and words and words[0] in cmd.commands:
        cmd = cmd.commands[words.pop(0)]
    return cmd, global_opts, words


LINES = _command_lines()


def test_the_readme_shows_commands():
    assert len(LINES) >= 15


@pytest.mark.parametrize("line", LINES)
def test_every_readme_command_and_option_exists(line):
    try:
        words = shlex.split(line)
    except ValueError:
        words = line.split()
    cmd, global_opts, rest = _resolve(words)
    assert not isinstance(cmd, click.Group) or not rest or rest[0].startswith("-"), \
        f"{line!r}: {rest[0]!r} is no command of samverkan {cmd.name}"
    assert set(global_opts) <= _options(main), f"{line!r}: {global_opts} are not options of samverkan"
    if isinstance(cmd, click.Group) and cmd is not main:
        return  # `samverkan db …` shown as a group
    used = {w.split("=", 1)[0] for w in rest if w.startswith("-") and w != "-"}
    unknown = used - _options(cmd)
    assert not unknown, f"{line!r}: samverkan {cmd.name} has no option {sorted(unknown)}"


def test_the_command_list_names_every_command():
    block = _using_it_block()
    for path in _leaves(main):
        assert " ".join(path) in block, f"the README's command list under 'Using it' lacks `samverkan {' '.join(path)}`"
