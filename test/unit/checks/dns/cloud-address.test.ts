import { describe, expect, it } from 'vitest'
import { cloudPool, reverseName } from '../../../../electron/core/checks/dns/lib/cloud-address'

describe('cloud address pools by reverse DNS', () => {
  it('names the reverse-DNS name of IPv4 and IPv6 addresses', () => {
    expect(reverseName('3.91.12.7')).toBe('7.12.91.3.in-addr.arpa')
    expect(reverseName('2001:db8::1')).toBe('1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa')
    expect(reverseName('2001:db8:0:0:0:0:0:1')).toBe(reverseName('2001:db8::1'))
  })

  it('recognises the providers’ generic names, and nothing else', () => {
    expect(cloudPool('ec2-3-91-12-7.compute-1.amazonaws.com.')).toBe('AWS EC2')
    expect(cloudPool('ec2-18-130-1-2.eu-west-2.compute.amazonaws.com')).toBe('AWS EC2')
    expect(cloudPool('7.12.91.34.bc.googleusercontent.com')).toBe('Google Cloud')
    expect(cloudPool('myvm.westeurope.cloudapp.azure.com')).toBe('Microsoft Azure')
    expect(cloudPool('static.7.12.91.3.clients.your-server.de')).toBe('Hetzner')
    expect(cloudPool('mail.acme.example')).toBeUndefined()
    expect(cloudPool('ec2-3-91-12-7.compute-1.amazonaws.com.evil.example')).toBeUndefined()
  })
})
