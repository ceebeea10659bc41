@echo off
rem The `course` command from a checkout: builds lib\Course.Cli quietly and runs it; works from any directory.
setlocal
set DOTNET_NOLOGO=1
set DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet run --project "%~dp0lib\Course.Cli" -c Release --verbosity quiet -- %*
exit /b %ERRORLEVEL%
