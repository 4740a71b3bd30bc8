global using Nexus.Nxml;
