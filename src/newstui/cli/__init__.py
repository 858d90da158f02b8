"""Command line: parse arguments, call the core, print rich tables or --json. No SQL here.

`main` (the entry point, parser dispatch and error handling) sits on top; one module per command
or group of commands below it; `output`, `arguments`, `database` and `config_file` are what the
commands share."""
