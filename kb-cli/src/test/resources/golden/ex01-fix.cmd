@echo off
rem Mailflow KB fix launcher: guard, backup, import.
rem Run it from an elevated command prompt; it works in its own folder (fix files and backups).
rem Add /force to run it on another computer than the diagnosed one.
setlocal EnableExtensions
pushd "%~dp0"
set "KB_HOST=%COMPUTERNAME%"
for /f "tokens=2,*" %%A in ('reg query "HKLM\SYSTEM\CurrentControlSet\Control\ComputerName\ComputerName" /v ComputerName 2^>nul') do if /I "%%A"=="REG_SZ" set "KB_HOST=%%B"
if /I not "%KB_HOST%"=="EX01" if /I not "%~1"=="/force" (echo This fix was generated for EX01, not %KB_HOST%. Run with /force to apply it anyway. & popd & exit /b 1)
set "KB_BACKUP=backup-%RANDOM%%RANDOM%"
mkdir %KB_BACKUP%
reg query "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client" >nul 2>&1 && reg export "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client" %KB_BACKUP%\1.reg /y >nul
reg import fix.reg
if errorlevel 1 (echo reg import fix.reg failed: nothing was changed. & popd & exit /b 1)
echo Done. Backup in %CD%\%KB_BACKUP%; undo with: reg import fix-rollback.reg
echo Restart the server so SChannel and .NET read the new values.
popd
exit /b 0
